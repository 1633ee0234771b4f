using Vrf.Client;
using Vrf.Contracts;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// Clients that classify without pause: each loop sends a request, waits for its outcome, then sends the next, and
/// several loops run side by side. Every request is recorded with when it was sent and answered.
/// </summary>
public sealed class ClassifyLoops
{
    private readonly List<LoopedRequest> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;

    private ClassifyLoops(int count, Func<int, int, ClassifyImage> request, Func<ClassifyImage, Task<ClassificationOutcome>> classify)
    {
        _loops = [.. Enumerable.Range(0, count).Select(loop => Task.Run(() => RunAsync(loop, request, classify)))];
    }

    /// <param name="request">The request a loop sends next, from the loop's number and the request's number in it.</param>
    /// <param name="classify">Sends a request and waits for its outcome (throwing when none comes in time).</param>
    public static ClassifyLoops Start(int count, Func<int, int, ClassifyImage> request, Func<ClassifyImage, Task<ClassificationOutcome>> classify) =>
        new(count, request, classify);

    public int Count => _loops.Length;

    /// <summary>The requests answered so far.</summary>
    public IReadOnlyList<LoopedRequest> SoFar()
    {
        lock (_requests)
        {
            return [.. _requests];
        }
    }

    /// <summary>The requests answered with a result so far.</summary>
    public int Classified => SoFar().Count(request => request.Outcome?.Succeeded == true);

    /// <summary>Waits until at least <paramref name="count"/> requests got a result.</summary>
    /// <param name="describe">What the test knows of the services, for the exception's message.</param>
    /// <exception cref="TimeoutException">Fewer results within <paramref name="timeout"/>.</exception>
    public async Task UntilClassifiedAsync(int count, TimeSpan timeout, Func<Task<string>> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = DateTime.UtcNow + timeout;
        while (Classified < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Fewer than {count} results within {timeout.TotalSeconds:0} s ({Classified} so far).\n{await describe()}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Lets every loop finish the request it is waiting on, then returns every request of every loop.</summary>
    public async Task<IReadOnlyList<LoopedRequest>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
        return SoFar();
    }

    private async Task RunAsync(int loop, Func<int, int, ClassifyImage> request, Func<ClassifyImage, Task<ClassificationOutcome>> classify)
    {
        for (var index = 0; !_stop.IsCancellationRequested; index++)
        {
            var next = request(loop, index);
            var sentAt = DateTime.UtcNow;
            LoopedRequest done;
            try
            {
                var outcome = await classify(next);
                done = new LoopedRequest(loop, index, next, sentAt, DateTime.UtcNow, outcome, null);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                done = new LoopedRequest(loop, index, next, sentAt, DateTime.UtcNow, null, e);
            }
            lock (_requests)
            {
                _requests.Add(done);
            }
        }
    }
}
