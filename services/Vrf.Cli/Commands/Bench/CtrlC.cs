namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Turns the first Ctrl+C into a cancellation, so that a benchmark stops after the measurement under way, deletes its
/// temporary files, stops its peer and prints what it measured; a second Ctrl+C ends the process at once.
/// </summary>
public sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _pressed;

    public CtrlC(CancellationToken cancellationToken)
    {
        _pressed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled by Ctrl+C or by the token given.</summary>
    public CancellationToken Token => _pressed.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _pressed.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_pressed.IsCancellationRequested)
        {
            return;
        }
        e.Cancel = true;
        _pressed.Cancel();
    }
}
