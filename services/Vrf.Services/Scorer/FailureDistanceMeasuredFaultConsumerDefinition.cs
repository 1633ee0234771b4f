using MassTransit;

namespace Vrf.Services.Scorer;

/// <summary>The <c>scorer-faults</c> queue, shared by every replica.</summary>
public sealed class FailureDistanceMeasuredFaultConsumerDefinition : ConsumerDefinition<FailureDistanceMeasuredFaultConsumer>
{
    public FailureDistanceMeasuredFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.Scorer}-faults";
    }
}
