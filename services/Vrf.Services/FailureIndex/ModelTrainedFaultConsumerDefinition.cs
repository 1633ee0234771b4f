using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>The <c>failure-index-build-faults</c> queue, shared with the faults of imported versions.</summary>
public sealed class ModelTrainedFaultConsumerDefinition : ConsumerDefinition<ModelTrainedFaultConsumer>
{
    public ModelTrainedFaultConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FailureIndex}-build-faults";
    }
}
