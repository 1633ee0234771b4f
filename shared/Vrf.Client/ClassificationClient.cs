using MassTransit;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>
/// Publishes <see cref="ClassifyImage"/> requests and waits for their published result or failure, whichever service
/// instance produced it.
/// </summary>
public sealed class ClassificationClient(IPublishEndpoint publisher, PendingClassifications pending)
{
    /// <summary>Publishes the request and completes when its outcome arrives.</summary>
    /// <exception cref="TimeoutException">No outcome within <paramref name="timeout"/>.</exception>
    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = pending.Expect(request.RequestId);
        try
        {
            await publisher.Publish(request, cancellationToken);
            return await outcome.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No result for request {request.RequestId} ({request.FileName ?? "image"}) within {timeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            pending.Forget(request.RequestId);
        }
    }
}
