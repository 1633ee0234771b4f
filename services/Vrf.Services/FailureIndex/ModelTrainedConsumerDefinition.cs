using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>Trained versions share the <c>failure-index-builds</c> queue with imported ones (see
/// <see cref="ModelImportedConsumerDefinition"/>): one build at a time per replica, whatever its origin.</summary>
public sealed class ModelTrainedConsumerDefinition : ConsumerDefinition<ModelTrainedConsumer>
{
    public ModelTrainedConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FailureIndex}-builds";
        ConcurrentMessageLimit = 1;
        Endpoint(endpoint => endpoint.PrefetchCount = 1);
    }
}
