using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vrf.Testing;

namespace Vrf.Cli.Tests.Support;

/// <summary>
/// A <c>vrf</c> command run as its own process (plain output, from the repository root) for a test that stops it with
/// a signal the way a user's Ctrl+C (SIGINT) or a supervisor's SIGTERM does, and checks that it exits promptly.
/// </summary>
public sealed class SignalledCommand : IDisposable
{
    /// <summary>How long a command may take to exit after the signal before the test fails.</summary>
    public static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _read;

    private SignalledCommand(Process process)
    {
        _process = process;
        _read = Task.WhenAll(ReadAsync(process.StandardOutput, _output), ReadAsync(process.StandardError, _error));
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed on standard output so far (all of it once <see cref="SignalAndWaitForExitAsync"/>
    /// returned).</summary>
    public string Output => Read(_output);

    /// <summary>What it printed on standard error so far.</summary>
    public string Error => Read(_error);

    public static SignalledCommand Start(params string[] arguments) =>
        new(Process.Start(VrfProcess.StartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start"));

    /// <summary>Waits (up to a minute) until <paramref name="ready"/> holds, failing the test if the command ends first.</summary>
    public async Task UntilAsync(Func<bool> ready, string what)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        while (!ready())
        {
            Assert.False(_process.HasExited, $"the command ended before {what}: {Error}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>Sends SIG<paramref name="signal"/> (INT or TERM) and waits up to <see cref="StopWithin"/> for the command
    /// to exit; kills it and fails the test when it does not.</summary>
    /// <param name="when">Said in the failure and the test output after the signal's name ("while the bus started").</param>
    public async Task SignalAndWaitForExitAsync(string signal, string when = "")
    {
        var signalledAt = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(StopWithin);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the command still ran {StopWithin.TotalSeconds:0} s after SIG{signal}{when}: {Error}");
        }
        await _read;
        TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal}{when}: exited after {signalledAt.Elapsed.TotalSeconds:0.0} s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static async Task ReadAsync(StreamReader stream, StringBuilder into)
    {
        while (await stream.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
