using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Vrf.ServiceDefaults;
using Vrf.Testing;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// A RabbitMQ virtual host of its own for one test run, so the services' shared queues (<c>embedding</c>,
/// <c>scorer</c>, ...) and the exchanges of every message type are this run's alone: other runs, other tests and a
/// developer's services on the same broker neither see nor take its messages. Made and deleted with
/// <c>rabbitmqctl</c> on the local broker (./test.sh starts one on 127.0.0.1:5672; <c>VRF_TEST_RABBITMQ</c> names
/// another address of the same node) or on a <see cref="DedicatedRabbitMqNode"/>; deleting it removes everything the
/// run declared.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private BrokerVirtualHost(MessageBusOptions options, RabbitMqControl control, IConnection connection, IChannel channel)
    {
        Options = options;
        Control = control;
        _connection = connection;
        _channel = channel;
    }

    /// <summary>The broker's node, for <c>rabbitmqctl</c> commands.</summary>
    public RabbitMqControl Control { get; }

    /// <summary>The bus address of the virtual host, as the services and the test's client take it.</summary>
    public MessageBusOptions Options { get; }

    public string Name => Options.VirtualHost;

    /// <summary>The address as <c>--bus</c> and <c>VRF_BUS</c> take it, password included.</summary>
    public string Address =>
        $"rabbitmq://{Uri.EscapeDataString(Options.Username)}:{Uri.EscapeDataString(Options.Password)}@{Options.Host}:{Options.Port}/{Uri.EscapeDataString(Name)}";

    /// <summary>A virtual host on the machine's shared broker.</summary>
    public static Task<BrokerVirtualHost> CreateAsync(CancellationToken cancellationToken) =>
        CreateAsync(RabbitMqControl.Local, Environment.GetEnvironmentVariable("VRF_TEST_RABBITMQ") is { Length: > 0 } address
            ? address
            : "rabbitmq://guest:guest@127.0.0.1:5672/", cancellationToken);

    /// <summary>A virtual host on the node <paramref name="control"/> manages, which answers at <paramref name="address"/>.</summary>
    public static async Task<BrokerVirtualHost> CreateAsync(RabbitMqControl control, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(control);
        var broker = MessageBusOptions.Parse(address);
        var name = $"vrf-services-tests-{Guid.NewGuid():N}";
        await control.RunAsync(cancellationToken, "add_vhost", name);
        try
        {
            await control.RunAsync(cancellationToken, "set_permissions", "-p", name, broker.Username, ".*", ".*", ".*");
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
            return new BrokerVirtualHost(options, control, connection, channel);
        }
        catch
        {
            await control.RunAsync(CancellationToken.None, "delete_vhost", name);
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
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync(CancellationToken cancellationToken) =>
        (await QueueStatesAsync(cancellationToken)).ToDictionary(queue => queue.Key, queue => queue.Value.Messages);

    /// <summary>Every queue of the virtual host: messages waiting and delivered but not yet acknowledged, consumers,
    /// and whether it is durable (from <c>rabbitmqctl</c>, so it works while a connection of this test is down).</summary>
    public async Task<IReadOnlyDictionary<string, QueueState>> QueueStatesAsync(CancellationToken cancellationToken) =>
        (await Control.ListAsync(cancellationToken, "list_queues", "-p", Name, "name", "messages_ready", "messages_unacknowledged", "consumers", "durable"))
            .ToDictionary(columns => columns[0], columns => new QueueState(
                long.Parse(columns[1], CultureInfo.InvariantCulture),
                long.Parse(columns[2], CultureInfo.InvariantCulture),
                int.Parse(columns[3], CultureInfo.InvariantCulture),
                columns[4] == "true"));

    /// <summary>Takes every message off a queue, returning each one's headers with text values decoded.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> TakeAllAsync(string queue, CancellationToken cancellationToken) =>
        [.. (await TakeMessagesAsync(queue, cancellationToken)).Select(message => message.Headers)];

    /// <summary>Takes every message off a queue, returning each one's id and headers with text values decoded.</summary>
    public async Task<IReadOnlyList<TakenMessage>> TakeMessagesAsync(string queue, CancellationToken cancellationToken)
    {
        var taken = new List<TakenMessage>();
        while (await _channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } message)
        {
            taken.Add(new TakenMessage(message.BasicProperties.MessageId, (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                header => header.Key,
                header => header.Value switch
                {
                    byte[] text => Encoding.UTF8.GetString(text),
                    var other => other?.ToString() ?? "",
                })));
        }
        return taken;
    }

    /// <summary>Publishes raw bytes straight to a queue (the default exchange), persistent, as a MassTransit JSON message
    /// would arrive, whatever the bytes hold.</summary>
    /// <param name="headers">Transport headers, which travel on with the message to an error queue.</param>
    public async Task PublishRawAsync(string queue, string messageId, byte[] body, IDictionary<string, object?> headers, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            MessageId = messageId,
            ContentType = "application/vnd.masstransit+json",
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
        await _channel.BasicPublishAsync("", queue, mandatory: true, properties, body, cancellationToken);
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
        await Control.RunAsync(CancellationToken.None, "delete_vhost", Name);
    }

    /// <summary>A message taken off a queue: its AMQP message id and its headers.</summary>
    public sealed record TakenMessage(string? MessageId, IReadOnlyDictionary<string, string> Headers);

    /// <summary>A queue as <c>rabbitmqctl list_queues</c> shows it.</summary>
    /// <param name="Ready">Messages waiting for a consumer.</param>
    /// <param name="Unacknowledged">Messages delivered to a consumer that has not yet acknowledged them.</param>
    public sealed record QueueState(long Ready, long Unacknowledged, int Consumers, bool Durable)
    {
        public long Messages => Ready + Unacknowledged;
    }
}
