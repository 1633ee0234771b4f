using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>The <c>failure-index-faults</c> queue, shared by every replica.</summary>
public sealed class ImageEmbeddedFaultConsumerDefinition : ConsumerDefinition<ImageEmbeddedFaultConsumer>
{
    public ImageEmbeddedFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FailureIndex}-faults";
    }
}
