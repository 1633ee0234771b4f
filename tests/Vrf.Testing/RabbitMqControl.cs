using System.ComponentModel;
using System.Diagnostics;

namespace Vrf.Testing;

/// <summary>
/// Runs <c>rabbitmqctl</c> against one RabbitMQ node: the machine's own broker (./test.sh starts one on
/// 127.0.0.1:5672), or a <see cref="DedicatedRabbitMqNode"/> that a test started for itself.
/// </summary>
public sealed class RabbitMqControl
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly string _executable;
    private readonly string? _node;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private RabbitMqControl(string executable, string? node, IReadOnlyDictionary<string, string> environment)
    {
        _executable = executable;
        _node = node;
        _environment = environment;
    }

    /// <summary>The machine's broker, through the <c>rabbitmqctl</c> on the path.</summary>
    public static RabbitMqControl Local { get; } = new("rabbitmqctl", null, new Dictionary<string, string>());

    /// <summary>A node of its own, reached with the server's own CLI script and the environment (home, cookie) it runs in.</summary>
    public static RabbitMqControl Node(string executable, string node, IReadOnlyDictionary<string, string> environment) =>
        new(executable, node, environment);

    /// <summary>Runs a command quietly and returns what it printed.</summary>
    /// <exception cref="InvalidOperationException">The command failed or rabbitmqctl is not installed.</exception>
    public async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo(_executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        start.ArgumentList.Add("-q");
        if (_node is not null)
        {
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(_node);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException(
                "rabbitmqctl is not installed: these tests manage RabbitMQ with it. Run ./test.sh, which installs and starts RabbitMQ.", missing);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CommandTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"rabbitmqctl {string.Join(' ', arguments)} did not finish within {CommandTimeout.TotalSeconds:0} s.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"rabbitmqctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output} " +
                    "These tests need a local RabbitMQ managed by rabbitmqctl; run ./test.sh, which starts one.");
            }
            return await output;
        }
    }

    /// <summary>The rows a <c>list_*</c> command prints without headers, split at tabs.</summary>
    public async Task<IReadOnlyList<string[]>> ListAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var listing = await RunAsync(cancellationToken, [.. arguments, "--no-table-headers"]);
        return [.. listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => line.Split('\t'))];
    }
}
