using MassTransit;
using Microsoft.Extensions.Options;

namespace Vrf.Services.Embedding;

/// <summary>
/// The <c>embedding</c> queue, shared by every replica. Enough messages are processed at once for a batch to fill
/// (<see cref="EmbeddingOptions.EffectiveConcurrentMessageLimit"/>), and as many are prefetched, so the broker hands
/// over the next images while a batch runs.
/// </summary>
public sealed class ClassifyImageConsumerDefinition : ConsumerDefinition<ClassifyImageConsumer>
{
    public ClassifyImageConsumerDefinition(IOptions<EmbeddingOptions> options)
    {
        var limit = options.Value.EffectiveConcurrentMessageLimit;
        EndpointName = ServiceNames.Embedding;
        ConcurrentMessageLimit = limit;
        Endpoint(endpoint => endpoint.PrefetchCount = limit);
    }
}
