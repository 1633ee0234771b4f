using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Events;

/// <summary>Registers <see cref="LiveEvents"/> and the consumers that fill it.</summary>
public static class LiveEventRegistration
{
    /// <summary>The name of the queue (with this gateway's instance id) the streamed events arrive on.</summary>
    public const string QueueName = "gateway-events";

    /// <summary>The <c>Gateway:Events</c> options and the event store.</summary>
    public static IServiceCollection AddLiveEvents(this IServiceCollection services)
    {
        services.AddOptions<LiveEventOptions>()
            .BindConfiguration(LiveEventOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<LiveEvents>();
        return services;
    }

    /// <summary>
    /// Receives every one of <see cref="LiveEventTypes.All"/> on a queue of this gateway's own (each replica streams
    /// every event), deleted when it stops, one event at a time so they are streamed in the order they arrived.
    /// </summary>
    public static void AddLiveEventConsumers(this IBusRegistrationConfigurator bus)
    {
        var instanceId = InstanceEndpoints.NewInstanceId();
        foreach (var type in LiveEventTypes.All)
        {
            bus.AddConsumer(typeof(LiveEventConsumer<>).MakeGenericType(type)).Endpoint(endpoint =>
            {
                endpoint.Name = QueueName;
                endpoint.OnInstanceQueue(instanceId);
                endpoint.ConcurrentMessageLimit = 1;
            });
        }
    }
}
