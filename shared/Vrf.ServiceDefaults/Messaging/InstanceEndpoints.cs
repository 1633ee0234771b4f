using System.Security.Cryptography;
using MassTransit;

namespace Vrf.ServiceDefaults;

/// <summary>Queues of one process's own, for the events that every instance must see rather than compete for.</summary>
public static class InstanceEndpoints
{
    /// <summary>A new instance id: twelve random hexadecimal digits, appended to the queue's name. Random rather than
    /// sequential, so that a service whose broker user may write to instance queues of its own pattern cannot guess
    /// another process's (the broker offers no listing to those users).</summary>
    public static string NewInstanceId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>
    /// Puts the endpoint on a queue of this process's own, named after the consumer (or the endpoint's
    /// <c>Name</c>) with an instance id, and deleted when the bus stops. Consumers registered with the same name and
    /// <paramref name="instanceId"/> share the queue.
    /// </summary>
    /// <param name="instanceId">The queue's instance id; a new one when null.</param>
    public static void OnInstanceQueue(this IEndpointRegistrationConfigurator endpoint, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.InstanceId = instanceId ?? NewInstanceId();
        endpoint.Temporary = true;
    }
}
