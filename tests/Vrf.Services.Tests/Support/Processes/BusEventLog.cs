using System.Collections.Concurrent;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The job and model events the test's client received, in arrival order, and a way to wait for one.</summary>
public sealed class BusEventLog
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentQueue<object> _events = new();

    public void Add(object message) => _events.Enqueue(message);

    /// <summary>The events of type <typeparamref name="T"/> received so far that match.</summary>
    public IReadOnlyList<T> All<T>(Func<T, bool>? match = null) => [.. _events.OfType<T>().Where(message => match?.Invoke(message) ?? true)];

    /// <summary>The first matching event, waiting up to <paramref name="timeout"/> for it.</summary>
    /// <param name="diagnostics">What to add to the timeout's message (the services' output, say).</param>
    /// <exception cref="TimeoutException">None arrived in time.</exception>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout, Func<string> diagnostics)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (_events.OfType<T>().FirstOrDefault(match) is { } found)
                {
                    return found;
                }
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No matching {typeof(T).Name} within {timeout.TotalSeconds:0} s. Received: {string.Join(", ", _events.Select(e => e.GetType().Name))}\n{diagnostics()}");
        }
    }
}
