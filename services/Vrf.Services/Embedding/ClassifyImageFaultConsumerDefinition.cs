using MassTransit;

namespace Vrf.Services.Embedding;

/// <summary>The <c>embedding-faults</c> queue, shared by every replica.</summary>
public sealed class ClassifyImageFaultConsumerDefinition : ConsumerDefinition<ClassifyImageFaultConsumer>
{
    public ClassifyImageFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.Embedding}-faults";
    }
}
