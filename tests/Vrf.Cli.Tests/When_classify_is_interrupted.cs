using System.Net;
using System.Net.Sockets;
using Vrf.Cli.Tests.Support;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>
/// <c>vrf classify</c> on a RabbitMQ virtual host of the test's own where no service runs, so that no result ever
/// comes: the first Ctrl+C (SIGINT) or SIGTERM stops it at once, it prints what arrived (nothing) with a warning and
/// exits with 130 instead of waiting out its 60 s timeout.
/// </summary>
public sealed class When_classify_is_interrupted : IAsyncLifetime
{
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
        using var classify = SignalledCommand.Start("classify", "--bus", $"rabbitmq://guest:guest@127.0.0.1:5672/{_virtualHost}",
            "--model", "pets", "--timeout", "60", image);
        await UntilConnectedAsync(classify);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        await classify.SignalAndWaitForExitAsync(signal);
        Assert.True(classify.ExitCode == 130, $"exit code {classify.ExitCode}: {classify.Error}{classify.Output}");
        Assert.Contains("warning: interrupted: 0 of 1 image(s) answered", classify.Error);
        Assert.Contains("0 image(s) in", classify.Output);
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
        using var classify = SignalledCommand.Start("classify", "--bus", $"rabbitmq://guest:guest@127.0.0.1:{port}/", "--model", "pets", image);
        using var held = await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        await classify.SignalAndWaitForExitAsync(signal, " while the bus started");
        Assert.True(classify.ExitCode == 130, $"exit code {classify.ExitCode}: {classify.Error}");
        Assert.Contains("interrupted", classify.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await RabbitMqControl.Local.RunAsync(CancellationToken.None, "delete_vhost", _virtualHost);
        _folder.Dispose();
    }

    /// <summary>Waits until the command's bus is connected to the virtual host, so that its request is published.</summary>
    private async Task UntilConnectedAsync(SignalledCommand classify)
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
