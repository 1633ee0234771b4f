using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// The messages in every queue of a virtual host (waiting and delivered but not yet acknowledged), from
/// <c>rabbitmqctl list_queues</c>, so it needs the broker's node on this machine (or a <c>rabbitmqctl</c> set up for it).
/// </summary>
public sealed class QueueDepths(string virtualHost)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(45);

    /// <exception cref="InvalidOperationException"><c>rabbitmqctl</c> is missing, failed or did not answer in time.</exception>
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-q", "list_queues", "-p", virtualHost, "name", "messages", "--no-table-headers" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Start(start);
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
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException($"rabbitmqctl list_queues did not answer within {CommandTimeout.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl list_queues -p {virtualHost} failed ({process.ExitCode}): {(await error).Trim()}");
        }
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length == 2)
            .ToDictionary(columns => columns[0], columns => long.Parse(columns[1], CultureInfo.InvariantCulture));
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        }
        catch (Win32Exception missing)
        {
            throw new InvalidOperationException("rabbitmqctl is not installed here: the soak reads queue depths with it.", missing);
        }
    }
}
