using MassTransit;

namespace Vrf.Client;

/// <summary>
/// Every client instance needs every result, so each gets its own temporary queue (auto-deleted when it stops) instead
/// of competing with the other clients on one.
/// </summary>
public sealed class ClassificationResultConsumerDefinition : ConsumerDefinition<ClassificationResultConsumer>
{
    public ClassificationResultConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }
}
