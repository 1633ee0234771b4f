using MassTransit;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Client;

/// <summary>
/// Publishes <see cref="ClassifyImage"/> requests naming this process's own queue as their reply address, and waits for
/// the result or failure the services send there, whichever service instance produced it. A request waits for the
/// broker: a publish that fails because the broker is away (restarting, unreachable), or that is not confirmed within
/// <see cref="ClassificationClientOptions.PublishAttemptTimeout"/>, is tried again every second until the request's
/// timeout. The second case is a publish on a channel whose connection dropped while it waited for its confirm:
/// RabbitMQ.Client 7.2 may then never complete it (rabbitmq-dotnet-client issue 1930). A request published twice is
/// answered twice; the second answer finds no one waiting and is dropped.
/// </summary>
public sealed class ClassificationClient(
    IPublishEndpoint publisher,
    PendingClassifications pending,
    ClassificationReplyAddress replyAddress,
    IOptions<ClassificationClientOptions> options)
{
    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Publishes the request (its reply address set to this process's queue) and completes when its outcome arrives.</summary>
    /// <exception cref="TimeoutException">No outcome within <paramref name="timeout"/>.</exception>
    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = pending.Expect(request.RequestId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await PublishAsync(request with { ReplyAddress = replyAddress.Value }, deadline.Token);
            return await outcome.WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No result for request {request.RequestId} ({request.FileName ?? "image"}) within {timeout.TotalSeconds:0.#} s.");
        }
        finally
        {
            pending.Forget(request.RequestId);
        }
    }

    private async Task PublishAsync(ClassifyImage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(options.Value.PublishAttemptTimeout);
            try
            {
                await publisher.Publish(request, attempt.Token);
                return;
            }
            catch (Exception e) when ((TransportFailures.Includes(e) || attempt.IsCancellationRequested) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PublishRetryDelay, cancellationToken);
            }
        }
    }
}
