using Microsoft.Extensions.Hosting;

namespace Vrf.Cli.Commands.Bus;

/// <summary>
/// The lifetime of a command's host: the host neither waits for nor reacts to Ctrl+C and SIGTERM. The default console
/// lifetime would swallow them (it only asks the host to stop, and nothing waits on that in a command), so a command
/// would ignore both; with this one they end the command at once, or stop its work cleanly where it watches for them
/// (<see cref="Interruption"/>).
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
