using System.Collections.Concurrent;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>
/// The requests this process is waiting on, by request id. A request is answered once: a redelivered message can make
/// the pipeline answer a request again (a worker killed after it published, a broker restart before an
/// acknowledgement), and such a second outcome is dropped and counted (<see cref="DuplicatesDropped"/>), as is an
/// outcome that arrives after its request stopped waiting (<see cref="LateDropped"/>).
/// </summary>
public sealed class PendingClassifications
{
    /// <summary>How many settled requests are remembered to recognise a second outcome.</summary>
    private const int RememberedSettled = 65_536;

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ClassificationOutcome>> waiting = new();
    private readonly ConcurrentDictionary<Guid, bool> settled = new();
    private readonly ConcurrentQueue<Guid> settledOrder = new();
    private long duplicatesDropped;
    private long lateDropped;

    /// <summary>Outcomes dropped because their request had already been answered.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref duplicatesDropped);

    /// <summary>Outcomes dropped because their request had stopped waiting (it timed out or was cancelled).</summary>
    public long LateDropped => Interlocked.Read(ref lateDropped);

    public Task<ClassificationOutcome> Expect(Guid requestId) =>
        waiting.GetOrAdd(requestId, _ => new TaskCompletionSource<ClassificationOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops waiting for a request; an outcome arriving for it afterwards counts as late unless it was answered.</summary>
    public void Forget(Guid requestId)
    {
        if (waiting.TryRemove(requestId, out _))
        {
            Settle(requestId, answered: false);
        }
    }

    public void Complete(ClassificationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (waiting.TryRemove(outcome.RequestId, out var completion))
        {
            Settle(outcome.RequestId, answered: true);
            completion.TrySetResult(outcome);
        }
        else if (settled.TryGetValue(outcome.RequestId, out var answered))
        {
            Interlocked.Increment(ref answered ? ref duplicatesDropped : ref lateDropped);
        }
    }

    private void Settle(Guid requestId, bool answered)
    {
        if (settled.TryAdd(requestId, answered))
        {
            settledOrder.Enqueue(requestId);
        }
        while (settledOrder.Count > RememberedSettled && settledOrder.TryDequeue(out var oldest))
        {
            settled.TryRemove(oldest, out _);
        }
    }
}
