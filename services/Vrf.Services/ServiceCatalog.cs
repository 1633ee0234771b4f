using Vrf.ServiceDefaults;
using Vrf.Services.Embedding;
using Vrf.Services.FailureIndex;
using Vrf.Services.FineTuning;
using Vrf.Services.Monitor;
using Vrf.Services.Scorer;

namespace Vrf.Services;

/// <summary>
/// The services this library defines, as modules a host runs (<see cref="ServiceHost"/>, <c>vrf serve</c>). The gateway
/// defines its own module in its own library; <c>vrf serve</c> lists them all.
/// </summary>
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

    public static ServiceModule Monitor { get; } = new(
        ServiceNames.Monitor,
        MonitorTelemetry.SourceName,
        (services, configuration) => services.AddMonitorService(configuration),
        bus => bus.AddMonitorConsumers());

    /// <summary>Every service of this library: those an image flows through, in that order, the monitor that watches
    /// their results for drift, then the fine-tuning service that trains new versions.</summary>
    public static IReadOnlyList<ServiceModule> All { get; } = [Embedding, FailureIndex, Scorer, Monitor, FineTuning];

    /// <summary>The services an image passes through from <c>ClassifyImage</c> to <c>ImageClassified</c>.</summary>
    public static IReadOnlyList<ServiceModule> ClassifyPipeline { get; } = [Embedding, FailureIndex, Scorer];
}
