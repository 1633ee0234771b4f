using MassTransit;

namespace Vrf.ServiceDefaults;

/// <summary>Queues of one process's own, for the events that every instance must see rather than compete for.</summary>
public static class InstanceEndpoints
{
    /// <summary>How long an instance queue outlives its last consumer: long enough to keep what arrives while its
    /// process reconnects after a broker restart, short enough that the queue of a process that has gone for good does
    /// not pile up.</summary>
    public static readonly TimeSpan Expiration = TimeSpan.FromMinutes(5);

    /// <summary>A new instance id: twelve hexadecimal digits, appended to the queue's name.</summary>
    public static string NewInstanceId() => NewId.NextGuid().ToString("N")[..12];

    /// <summary>
    /// Puts the endpoint on a queue of this process's own, named after the consumer (or the endpoint's
    /// <c>Name</c>) with an instance id. Consumers registered with the same name and <paramref name="instanceId"/>
    /// share the queue. On RabbitMQ the queue is durable and not auto-deleted, so it and the persistent messages in it
    /// survive a connection drop or a broker restart; it expires <see cref="Expiration"/> after its process stopped
    /// consuming.
    /// </summary>
    /// <param name="instanceId">The queue's instance id; a new one when null.</param>
    public static void OnInstanceQueue(this IEndpointRegistrationConfigurator endpoint, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.InstanceId = instanceId ?? NewInstanceId();
        endpoint.AddConfigureEndpointCallback(queue =>
        {
            if (queue is IRabbitMqReceiveEndpointConfigurator rabbitMq)
            {
                rabbitMq.Durable = true;
                rabbitMq.AutoDelete = false;
                rabbitMq.QueueExpiration = Expiration;
            }
        });
    }
}
