using MassTransit;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The test's own temporary queue for the events it records.</summary>
public sealed class BusEventLogConsumerDefinition : ConsumerDefinition<BusEventLogConsumer>
{
    public BusEventLogConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }
}
