using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Monitoring;
using Vrf.Services.Models;

namespace Vrf.Services.Monitor;

/// <summary>Registers the monitor.</summary>
public static class MonitorRegistration
{
    /// <summary>Results the monitor takes from the broker ahead of the one it is working on.</summary>
    private const int Prefetch = 64;

    /// <summary>What its consumers need: the served models (each version's class names and validation distribution,
    /// never its weights), the <c>DriftWindow</c> options (validated at start-up), a clock and the metrics.</summary>
    public static IServiceCollection AddMonitorService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServedModels(configuration);
        services.AddOptions<DriftWindowOptions>()
            .Bind(configuration.GetSection(DriftWindowOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DriftMonitor>();
        return services;
    }

    /// <summary>
    /// The consumers of <c>ImageClassified</c> and <c>CheckModelDrift</c> on the <c>monitor</c> queue, one message at a
    /// time, and the model lifecycle consumer.
    /// </summary>
    /// <remarks>
    /// On RabbitMQ the queue has a single active consumer: however many replicas run, the broker delivers to one of
    /// them and hands the queue to the next when that one's connection goes. A version's window is a sequence over all
    /// of its results, so one replica must see them all: replicas sharing the queue would each see a part and each
    /// announce the same shift. Partitioning by model instead would need an exchange that hashes model names to
    /// per-replica queues and would reshuffle the windows whenever replicas come or go. The active replica also
    /// answers the drift reports, so they come from the windows that announce. Extra replicas are warm standbys, not
    /// more throughput (one replica keeps up with far more results than the pipeline produces, see the README); a
    /// replica that takes over starts its windows empty and decides again from the traffic that follows.
    /// </remarks>
    public static IBusRegistrationConfigurator AddMonitorConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ImageClassifiedConsumer>().Endpoint(OnMonitorQueue);
        bus.AddConsumer<CheckModelDriftConsumer>().Endpoint(OnMonitorQueue);
        bus.AddModelLifecycleConsumer();
        return bus;
    }

    private static void OnMonitorQueue(IEndpointRegistrationConfigurator endpoint)
    {
        endpoint.Name = ServiceNames.Monitor;
        endpoint.ConcurrentMessageLimit = 1;
        endpoint.PrefetchCount = Prefetch;
        endpoint.AddConfigureEndpointCallback((_, queue) =>
        {
            if (queue is IRabbitMqReceiveEndpointConfigurator rabbitMq)
            {
                rabbitMq.SingleActiveConsumer = true;
            }
        });
    }
}
