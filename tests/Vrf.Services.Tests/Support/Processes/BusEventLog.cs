using System.Collections.Concurrent;
using Vrf.Client;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>The job and model events the test's client received (through its <see cref="EventInbox"/>), in arrival
/// order, and a way to wait for one.</summary>
public sealed class BusEventLog(EventInbox inbox)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentQueue<object> _events = new();
    private readonly Lock _reading = new();

    /// <summary>The events received so far, the inbox's new ones moved into the log first.</summary>
    private ConcurrentQueue<object> Events
    {
        get
        {
            lock (_reading)
            {
                while (inbox.Reader.TryRead(out var message))
                {
                    _events.Enqueue(message);
                }
            }
            return _events;
        }
    }

    /// <summary>The events of type <typeparamref name="T"/> received so far that match.</summary>
    public IReadOnlyList<T> All<T>(Func<T, bool>? match = null) => [.. Events.OfType<T>().Where(message => match?.Invoke(message) ?? true)];

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
                if (Events.OfType<T>().FirstOrDefault(match) is { } found)
                {
                    return found;
                }
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No matching {typeof(T).Name} within {timeout.TotalSeconds:0} s. Received: {string.Join(", ", Events.Select(e => e.GetType().Name))}\n{diagnostics()}");
        }
    }
}
