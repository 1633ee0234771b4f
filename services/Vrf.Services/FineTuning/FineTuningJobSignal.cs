using System.Threading.Channels;

namespace Vrf.Services.FineTuning;

/// <summary>Wakes this replica's <see cref="FineTuningWorker"/> when a job was accepted here, so it need not wait for
/// its next scan.</summary>
public sealed class FineTuningJobSignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void JobAccepted() => _signals.Writer.TryWrite(true);

    /// <summary>Completes at the next signal (at once if one came since the last wait).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await _signals.Reader.ReadAsync(cancellationToken);
}
