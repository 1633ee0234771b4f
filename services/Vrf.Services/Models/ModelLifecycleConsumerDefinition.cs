using MassTransit;

namespace Vrf.Services.Models;

/// <summary>
/// Every worker process must see every promotion and retirement, so each gets its own queue (named with an instance
/// id, deleted when the process stops) instead of competing for the events on a shared one. One event at a time, in
/// order.
/// </summary>
public sealed class ModelLifecycleConsumerDefinition : ConsumerDefinition<ModelLifecycleConsumer>
{
    public ModelLifecycleConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }
}
