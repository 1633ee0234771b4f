using Microsoft.AspNetCore.Builder;
using Vrf.Gateway;
using Vrf.Services.Embedding;
using Vrf.Services.FailureIndex;
using Vrf.Services.FineTuning;
using Vrf.Services.Scorer;

namespace Vrf.Services;

/// <summary>The services a process can host, by name. A new service is one more entry in <see cref="All"/>.</summary>
public static class ServiceCatalog
{
    public static ServiceModule Embedding { get; } = new(
        ServiceNames.Embedding,
        EmbeddingTelemetry.SourceName,
        (services, configuration) => services.AddEmbeddingService(configuration),
        bus => bus.AddEmbeddingConsumers());

    public static ServiceModule FailureIndex { get; } = new(
        ServiceNames.FailureIndex,
        FailureIndexTelemetry.SourceName,
        (services, configuration) => services.AddFailureIndexService(configuration),
        bus => bus.AddFailureIndexConsumers());

    public static ServiceModule Scorer { get; } = new(
        ServiceNames.Scorer,
        ScorerTelemetry.SourceName,
        (services, configuration) => services.AddScorerService(configuration),
        bus => bus.AddScorerConsumers());

    public static ServiceModule FineTuning { get; } = new(
        ServiceNames.FineTuning,
        FineTuningTelemetry.SourceName,
        (services, configuration) => services.AddFineTuningService(configuration),
        bus => bus.AddFineTuningConsumers());

    public static ServiceModule Gateway { get; } = new(
        ServiceNames.Gateway,
        TelemetrySource: null,
        (services, _) => services.AddGatewayApi(),
        bus => bus.AddGatewayConsumers(),
        app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.MapGatewayEndpoints();
        });

    /// <summary>Every service: those an image flows through, in that order, the fine-tuning service that trains new
    /// versions, then the HTTP gateway in front of them.</summary>
    public static IReadOnlyList<ServiceModule> All { get; } = [Embedding, FailureIndex, Scorer, FineTuning, Gateway];

    /// <summary>The services an image passes through from <c>ClassifyImage</c> to <c>ImageClassified</c>.</summary>
    public static IReadOnlyList<ServiceModule> ClassifyPipeline { get; } = [Embedding, FailureIndex, Scorer];

    /// <summary>The services named in a comma-separated list, such as <c>embedding,scorer</c>, in catalog order.</summary>
    /// <exception cref="FormatException">A name is not in the catalog, or the list names none.</exception>
    public static IReadOnlyList<ServiceModule> Select(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var requested = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(name => All.All(service => service.Name != name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || requested.Count == 0)
        {
            var problem = unknown.Count > 0 ? $"unknown service(s) {string.Join(", ", unknown.Select(name => $"'{name}'"))}" : "no service named";
            throw new FormatException($"'{names}': {problem}; choose from {string.Join(", ", All.Select(service => service.Name))}.");
        }
        return [.. All.Where(service => requested.Contains(service.Name))];
    }
}
