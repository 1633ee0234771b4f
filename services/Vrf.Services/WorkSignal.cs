using System.Threading.Channels;

namespace Vrf.Services;

/// <summary>Wakes a replica's background worker when work was recorded here (a fine-tuning job accepted, an index build
/// asked for), so it need not wait for its next scan of the store.</summary>
public class WorkSignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void WorkRecorded() => _signals.Writer.TryWrite(true);

    /// <summary>Completes at the next signal (at once if one came since the last wait), after <paramref name="timeout"/>
    /// or once cancelled, whichever comes first; it never throws, and leaves no waiter behind to swallow a later
    /// signal.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
