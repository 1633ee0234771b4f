using System.Runtime.InteropServices;

namespace Vrf.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for a command that stops its work cleanly when asked: the first signal cancels
/// <see cref="Token"/> and keeps the process alive so that the command can print what it has and exit; a second Ctrl+C
/// or SIGTERM is left to the runtime, which ends the process at once.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    private Interruption(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM, or with the command's own token.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Whether a signal (rather than the command's own token) stopped the work.</summary>
    public bool Signalled => Volatile.Read(ref _signals) > 0;

    /// <summary>Watches for the signals until disposed.</summary>
    public static Interruption Watch(CancellationToken cancellationToken) => new(cancellationToken);

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            return;
        }
        context.Cancel = true;
        // The token's callbacks run elsewhere: one that blocks (MassTransit's, while the bus waits for a broker that
        // took the connection and never answers) would otherwise hold the signal thread, and with it every later
        // signal, the second Ctrl+C included.
        _ = _stop.CancelAsync();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }
}
