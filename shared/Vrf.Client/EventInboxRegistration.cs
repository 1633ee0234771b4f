using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.ServiceDefaults;

namespace Vrf.Client;

/// <summary>Registers an <see cref="EventInbox"/>: call from the bus registration of a process that follows events.</summary>
public static class EventInboxRegistration
{
    /// <summary>
    /// Receives every one of <paramref name="events"/> into the process's <see cref="EventInbox"/>. A follower needs all
    /// of them, so the process gets a queue of its own named <paramref name="queue"/> with an instance id (deleted when
    /// it stops), taking one event at a time, in order.
    /// </summary>
    /// <param name="events">The event types, each a message contract.</param>
    public static void AddEventInbox(this IBusRegistrationConfigurator bus, string queue, params Type[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        bus.TryAddSingleton<EventInbox>();
        var instanceId = InstanceEndpoints.NewInstanceId();
        foreach (var type in events)
        {
            bus.AddConsumer(typeof(EventInboxConsumer<>).MakeGenericType(type)).Endpoint(endpoint =>
            {
                endpoint.Name = queue;
                endpoint.OnInstanceQueue(instanceId);
                endpoint.ConcurrentMessageLimit = 1;
            });
        }
    }
}
