using MassTransit;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>
/// Publishes <see cref="ClassifyImage"/> requests naming this process's own queue as their reply address, and waits for
/// the result or failure the services send there, whichever service instance produced it.
/// </summary>
public sealed class ClassificationClient(IPublishEndpoint publisher, PendingClassifications pending, ClassificationReplyAddress replyAddress)
{
    /// <summary>Publishes the request (its reply address set to this process's queue) and completes when its outcome arrives.</summary>
    /// <exception cref="TimeoutException">No outcome within <paramref name="timeout"/>.</exception>
    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = pending.Expect(request.RequestId);
        try
        {
            await publisher.Publish(request with { ReplyAddress = replyAddress.Value }, cancellationToken);
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
