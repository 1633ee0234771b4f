using System.Collections.Concurrent;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>
/// The requests this process is waiting on, by request id. An outcome for a request no longer waited on (it timed out)
/// is ignored.
/// </summary>
public sealed class PendingClassifications
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<ClassificationOutcome>> waiting = new();

    public Task<ClassificationOutcome> Expect(Guid requestId) =>
        waiting.GetOrAdd(requestId, _ => new TaskCompletionSource<ClassificationOutcome>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(Guid requestId) => waiting.TryRemove(requestId, out _);

    public void Complete(ClassificationOutcome outcome)
    {
        if (waiting.TryRemove(outcome.RequestId, out var completion))
        {
            completion.TrySetResult(outcome);
        }
    }
}
