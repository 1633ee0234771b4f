using System.Collections.Concurrent;

namespace Vrf.Services.FineTuning;

/// <summary>The jobs this replica trains right now, each with the token source that stops it.</summary>
public sealed class RunningFineTuningJobs
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Registers a run until the returned handle is disposed.</summary>
    public IDisposable Add(Guid jobId, CancellationTokenSource stop)
    {
        _running[jobId] = stop;
        return new Registration(() => _running.TryRemove(jobId, out _));
    }

    public bool Contains(Guid jobId) => _running.ContainsKey(jobId);

    /// <summary>Stops the job if this replica runs it; false when it does not.</summary>
    public bool TryCancel(Guid jobId)
    {
        if (!_running.TryGetValue(jobId, out var stop))
        {
            return false;
        }
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        return true;
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
