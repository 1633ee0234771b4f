using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Contracts;
using Vrf.Services.Models;

namespace Vrf.Services.Scorer;

/// <summary>Registers the scorer.</summary>
public static class ScorerRegistration
{
    private const int Concurrency = 16;

    /// <summary>What its consumer needs: the served models, for each version's parameters, class names and validation
    /// distribution (never its weights), and its metrics.</summary>
    public static IServiceCollection AddScorerService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServedModels(configuration);
        services.AddMetrics();
        services.TryAddSingleton<ScorerMetrics>();
        services.TryAddSingleton<ImageScorer>();
        return services;
    }

    /// <summary>
    /// The consumer of <c>FailureDistanceMeasured</c> on the <c>scorer</c> queue, shared by every replica (the replica
    /// count is the scorer's scaling knob; scoring is a few microseconds of arithmetic, so each replica takes several
    /// messages at once), its faults reported from <c>scorer-faults</c>, and the model lifecycle consumer.
    /// </summary>
    public static IBusRegistrationConfigurator AddScorerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddPipelineStage<FailureDistanceMeasuredConsumer, FailureDistanceMeasured>(ServiceNames.Scorer,
            measured => (measured.RequestId, measured.ModelName, measured.ReplyAddress), _ => Concurrency);
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
