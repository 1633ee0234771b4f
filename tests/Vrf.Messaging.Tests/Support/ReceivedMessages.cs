namespace Vrf.Messaging.Tests.Support;

/// <summary>Messages a test consumer saw, in order; tests wait here for the one they sent.</summary>
public sealed class ReceivedMessages<T>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<T> _messages = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Arrived)> _waiters = [];

    public void Add(T message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(message)).ToList())
            {
                waiter.Arrived.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }
    }

    public IReadOnlyList<T> Matching(Func<T, bool> match)
    {
        lock (_gate)
        {
            return _messages.Where(match).ToList();
        }
    }

    public async Task<T> WaitForAsync(Func<T, bool> match, string what)
    {
        TaskCompletionSource<T> arrived;
        lock (_gate)
        {
            var seen = _messages.FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }
            arrived = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, arrived));
        }
        try
        {
            return await arrived.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}; it never arrived.");
        }
    }
}
