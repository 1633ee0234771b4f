using MassTransit;

namespace Vrf.Services.FineTuning;

/// <summary>A cancel request must reach the replica that trains the job, whichever it is, so every replica gets its
/// own queue (named with an instance id, deleted when the process stops).</summary>
public sealed class CancelFineTuningConsumerDefinition : ConsumerDefinition<CancelFineTuningConsumer>
{
    public CancelFineTuningConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
    }
}
