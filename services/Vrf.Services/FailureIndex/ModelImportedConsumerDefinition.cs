using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// The <c>failure-index-builds</c> queue: one build at a time per replica, and no message taken ahead of it. A build
/// keeps its message until the version is ready, so a replica that dies mid-build leaves the message to another one,
/// which builds the version again (the builder is idempotent); look-ups have their own queue and are never stuck
/// behind a build. A build longer than the broker's consumer timeout (RabbitMQ: <c>consumer_timeout</c>, 30 minutes
/// by default) needs that timeout raised.
/// </summary>
public sealed class ModelImportedConsumerDefinition : ConsumerDefinition<ModelImportedConsumer>
{
    public ModelImportedConsumerDefinition()
    {
        EndpointName = $"{ServiceNames.FailureIndex}-builds";
        ConcurrentMessageLimit = 1;
        Endpoint(endpoint => endpoint.PrefetchCount = 1);
    }
}
