using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>
/// <c>vrf classify</c> on a RabbitMQ virtual host of the test's own where no service runs, so that no result ever
/// comes: the first Ctrl+C (SIGINT) or SIGTERM stops it at once, it prints what arrived (nothing) with a warning and
/// exits with 130 instead of waiting out its 60 s timeout.
/// </summary>
public sealed class When_classify_is_interrupted : IAsyncLifetime
{
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(20);
    private readonly string _virtualHost = $"vrf-cli-tests-{Guid.NewGuid():N}";
    private readonly TemporaryDirectory _folder = new();

    public async ValueTask InitializeAsync()
    {
        await RabbitMqControl.Local.RunAsync(TestContext.Current.CancellationToken, "add_vhost", _virtualHost);
        await RabbitMqControl.Local.RunAsync(TestContext.Current.CancellationToken, "set_permissions", "-p", _virtualHost, "guest", ".*", ".*", ".*");
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Should_print_what_arrived_and_exit_130_at_the_first_signal(string signal)
    {
        var image = _folder.File("cat.png");
        await File.WriteAllBytesAsync(image, PngBytes.Image(1, 1, PngBytes.Grey, 8, [[128]]), TestContext.Current.CancellationToken);
        using var classify = Start("classify", "--bus", $"rabbitmq://guest:guest@127.0.0.1:5672/{_virtualHost}", "--model", "pets",
            "--timeout", "60", image);
        var output = classify.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = classify.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await UntilConnectedAsync(classify);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        await SignalAndWaitForExitAsync(classify, signal, error, "");
        Assert.True(classify.ExitCode == 130, $"exit code {classify.ExitCode}: {await error}{await output}");
        Assert.Contains("warning: interrupted: 0 of 1 image(s) answered", await error);
        Assert.Contains("0 image(s) in", await output);
    }

    /// <summary>A "broker" that takes the connection and never answers: the bus waits for it up to its 30 s start
    /// timeout, and the signal must end that wait at once (a signal handler blocked behind it used to hold off the
    /// first and the second Ctrl+C alike).</summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Should_exit_130_at_once_while_the_bus_waits_for_a_broker_that_never_answers(string signal)
    {
        var image = _folder.File("cat.png");
        await File.WriteAllBytesAsync(image, PngBytes.Image(1, 1, PngBytes.Grey, 8, [[128]]), TestContext.Current.CancellationToken);
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var classify = Start("classify", "--bus", $"rabbitmq://guest:guest@127.0.0.1:{port}/", "--model", "pets", image);
        var error = classify.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var held = await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        await SignalAndWaitForExitAsync(classify, signal, error, " while the bus started");
        Assert.True(classify.ExitCode == 130, $"exit code {classify.ExitCode}: {await error}");
        Assert.Contains("interrupted", await error);
    }

    public async ValueTask DisposeAsync()
    {
        await RabbitMqControl.Local.RunAsync(CancellationToken.None, "delete_vhost", _virtualHost);
        _folder.Dispose();
    }

    /// <summary>Sends the signal and waits up to <see cref="StopWithin"/> for the command to exit; kills it and fails
    /// the test when it does not.</summary>
    private static async Task SignalAndWaitForExitAsync(Process classify, string signal, Task<string> error, string when)
    {
        var signalledAt = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", classify.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(StopWithin);
        try
        {
            await classify.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            classify.Kill(entireProcessTree: true);
            Assert.Fail($"vrf classify still ran {StopWithin.TotalSeconds:0} s after SIG{signal}{when}: {await error}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal}{when}: exited after {signalledAt.Elapsed.TotalSeconds:0.0} s");
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vrf.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["NO_COLOR"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Waits until the command's bus is connected to the virtual host, so that its request is published.</summary>
    private async Task UntilConnectedAsync(Process classify)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        while (!(await RabbitMqControl.Local.ListAsync(deadline.Token, "list_connections", "vhost")).Any(row => row[0] == _virtualHost))
        {
            Assert.False(classify.HasExited, "vrf classify ended before it connected");
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }
}
