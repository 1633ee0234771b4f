using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>The <c>failure-index-build-faults</c> queue, shared by every replica.</summary>
public sealed class ModelImportedFaultConsumerDefinition : ConsumerDefinition<ModelImportedFaultConsumer>
{
    public ModelImportedFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FailureIndex}-build-faults";
    }
}
