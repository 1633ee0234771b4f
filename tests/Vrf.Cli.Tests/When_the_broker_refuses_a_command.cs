using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Vrf.Cli.Commands.Bus;
using Vrf.Testing;

namespace Vrf.Cli.Tests;

/// <summary>
/// A command whose bus does not start says why in the broker's words and what to fix: a refused login and a virtual
/// host the broker does not have are mistakes in --bus, told apart from a broker that does not answer.
/// </summary>
public sealed class When_the_broker_refuses_a_command
{
    private const string Address = "rabbitmq://guest@broker:5672/shop";

    [Fact]
    public async Task Should_say_the_local_broker_refused_the_login_and_exit_2()
    {
        using var folder = new TemporaryDirectory();
        var image = folder.File("cat.png");
        await File.WriteAllBytesAsync(image, PngBytes.Image(1, 1, PngBytes.Grey, 8, [[128]]), TestContext.Current.CancellationToken);

        var run = await VrfProcess.RunAsync("classify", "--bus", "rabbitmq://guest:not-the-password@127.0.0.1:5672/", "--model", "pets", image);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("error: The broker at rabbitmq://guest@127.0.0.1:5672/ refused the login (ACCESS_REFUSED", line);
        Assert.Contains("Check the user name and password in --bus (or VRF_BUS).", line);
        Assert.DoesNotContain("not-the-password", run.Output + run.Error);
    }

    [Fact]
    public void Should_name_a_virtual_host_the_broker_does_not_let_in()
    {
        var refused = new RabbitMqConnectionException("ReceiveTransport faulted: guest@broker:5672/shop",
            new OperationInterruptedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 530, "NOT_ALLOWED - vhost shop not found", 10, 40)));

        var said = BusStartFailure.Describe(refused, Address, TimeSpan.FromSeconds(30));

        Assert.StartsWith($"The broker at {Address} did not let the bus in (", said);
        Assert.Contains("NOT_ALLOWED - vhost shop not found", said);
        Assert.Contains("rabbitmqctl add_vhost", said);
    }

    [Fact]
    public void Should_ask_whether_the_broker_runs_when_it_does_not_answer()
    {
        var unreachable = new RabbitMqConnectionException("Broker unreachable: guest@broker:5672/shop",
            new BrokerUnreachableException(new IOException("Connection refused")));

        var said = BusStartFailure.Describe(unreachable, Address, TimeSpan.FromSeconds(30));

        Assert.Equal($"The message bus at {Address} cannot be reached (Connection refused; waited at most 30 s). " +
                     "Is RabbitMQ running there? Use --bus memory to run the services in this process.", said);
    }
}
