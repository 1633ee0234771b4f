using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Services.Models;

namespace Vrf.Services.Scorer;

/// <summary>Registers the scorer.</summary>
public static class ScorerRegistration
{
    /// <summary>What its consumer needs: the served models, for each version's parameters and class names (never its
    /// weights).</summary>
    public static IServiceCollection AddScorerService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServedModels(configuration);
        services.TryAddSingleton<ImageScorer>();
        return services;
    }

    /// <summary>The consumer of <c>FailureDistanceMeasured</c>, its fault translator and the model lifecycle consumer.</summary>
    public static IBusRegistrationConfigurator AddScorerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<FailureDistanceMeasuredConsumer, FailureDistanceMeasuredConsumerDefinition>();
        bus.AddConsumer<FailureDistanceMeasuredFaultConsumer, FailureDistanceMeasuredFaultConsumerDefinition>();
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
