using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// A RabbitMQ virtual host of its own for one test run, so the services' shared queues (<c>embedding</c>,
/// <c>scorer</c>, ...) and the exchanges of every message type are this run's alone: other runs, other tests and a
/// developer's services on the same broker neither see nor take its messages. Made and deleted with
/// <c>rabbitmqctl</c> on the local broker (./test.sh starts one on 127.0.0.1:5672; <c>VRF_TEST_RABBITMQ</c> names
/// another address of the same node); deleting it removes everything the run declared.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BrokerVirtualHost(MessageBusOptions options, IConnection connection, IChannel channel)
    {
        Options = options;
        _connection = connection;
        _channel = channel;
    }

    /// <summary>The bus address of the virtual host, as the services and the test's client take it.</summary>
    public MessageBusOptions Options { get; }

    public string Name => Options.VirtualHost;

    /// <summary>The address as <c>--bus</c> and <c>VRF_BUS</c> take it, password included.</summary>
    public string Address =>
        $"rabbitmq://{Uri.EscapeDataString(Options.Username)}:{Uri.EscapeDataString(Options.Password)}@{Options.Host}:{Options.Port}/{Uri.EscapeDataString(Name)}";

    public static async Task<BrokerVirtualHost> CreateAsync(CancellationToken cancellationToken)
    {
        var broker = MessageBusOptions.Parse(Environment.GetEnvironmentVariable("VRF_TEST_RABBITMQ") is { Length: > 0 } address
            ? address
            : "rabbitmq://guest:guest@127.0.0.1:5672/");
        var name = $"vrf-services-tests-{Guid.NewGuid():N}";
        await RabbitMqCtl(cancellationToken, "add_vhost", name);
        try
        {
            await RabbitMqCtl(cancellationToken, "set_permissions", "-p", name, broker.Username, ".*", ".*", ".*");
            var options = new MessageBusOptions
            {
                Host = broker.Host,
                Port = broker.Port,
                VirtualHost = name,
                Username = broker.Username,
                Password = broker.Password,
            };
            var connection = await new ConnectionFactory
            {
                HostName = options.Host,
                Port = options.Port,
                VirtualHost = name,
                UserName = options.Username,
                Password = options.Password,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
                ClientProvidedName = "Vrf.Services.Tests",
            }.CreateConnectionAsync(cancellationToken);
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            return new BrokerVirtualHost(options, connection, channel);
        }
        catch
        {
            await RabbitMqCtl(CancellationToken.None, "delete_vhost", name);
            throw;
        }
    }

    /// <summary>How many consumers a queue has (competing replicas of a service, for example).</summary>
    public async Task<uint> ConsumerCountAsync(string queue, CancellationToken cancellationToken) =>
        (await _channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;

    /// <summary>How many messages wait in a queue.</summary>
    public async Task<uint> MessageCountAsync(string queue, CancellationToken cancellationToken) =>
        (await _channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;

    /// <summary>Every queue of the virtual host with the messages waiting in it (error queues appear once a message
    /// failed).</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync(CancellationToken cancellationToken)
    {
        var listing = await RabbitMqCtl(cancellationToken, "list_queues", "-p", Name, "--no-table-headers", "name", "messages");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .ToDictionary(columns => columns[0], columns => long.Parse(columns[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Takes every message off a queue, returning each one's headers with text values decoded.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> TakeAllAsync(string queue, CancellationToken cancellationToken)
    {
        var taken = new List<IReadOnlyDictionary<string, string>>();
        while (await _channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } message)
        {
            taken.Add((message.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                header => header.Key,
                header => header.Value switch
                {
                    byte[] text => Encoding.UTF8.GetString(text),
                    var other => other?.ToString() ?? "",
                }));
        }
        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
        catch (AlreadyClosedException)
        {
        }
        await RabbitMqCtl(CancellationToken.None, "delete_vhost", Name);
    }

    /// <summary>Runs a <c>rabbitmqctl</c> command quietly and returns what it printed.</summary>
    private static async Task<string> RabbitMqCtl(CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-q");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException(
                "rabbitmqctl is not installed: these tests make a RabbitMQ virtual host per run with it. Run ./test.sh, " +
                "which installs and starts RabbitMQ.", missing);
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
}
