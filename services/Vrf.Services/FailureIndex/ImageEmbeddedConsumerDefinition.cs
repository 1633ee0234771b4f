using MassTransit;

namespace Vrf.Services.FailureIndex;

/// <summary>The <c>failure-index</c> queue, shared by every replica; look-ups are short, so several run at once.</summary>
public sealed class ImageEmbeddedConsumerDefinition : ConsumerDefinition<ImageEmbeddedConsumer>
{
    private const int Concurrency = 16;

    public ImageEmbeddedConsumerDefinition()
    {
        EndpointName = ServiceNames.FailureIndex;
        ConcurrentMessageLimit = Concurrency;
        Endpoint(endpoint => endpoint.PrefetchCount = Concurrency);
    }
}
