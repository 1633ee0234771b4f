using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.Support;

/// <summary>
/// The live RabbitMQ the integration tests run against (./test.sh starts one on 127.0.0.1:5672; VRF_TEST_RABBITMQ
/// names another), reached directly to inspect queues and to remove what a test declared. Tests fail, never skip,
/// when it is not there.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public static string Address { get; } =
        Environment.GetEnvironmentVariable("VRF_TEST_RABBITMQ") is { Length: > 0 } address
            ? address
            : "rabbitmq://guest:guest@127.0.0.1:5672/";

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private RabbitMqBroker(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static MessageBusOptions Options => MessageBusOptions.Parse(Address);

    public static async Task<RabbitMqBroker> ConnectAsync()
    {
        var options = Options;
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = "Vrf.Messaging.Tests",
        };
        try
        {
            var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
            var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            return new RabbitMqBroker(connection, channel);
        }
        catch (BrokerUnreachableException unreachable)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not reachable at {options}: these integration tests need a live broker. " +
                "Run ./test.sh (it starts one), or start rabbitmq-server and wait for 'rabbitmqctl await_startup'.",
                unreachable);
        }
    }

    /// <summary>A queue name no other test run uses.</summary>
    public static string UniqueQueueName(string purpose) => $"vrf-messaging-tests-{purpose}-{Guid.NewGuid():N}";

    /// <summary>Takes every message off the queue, returning each one's headers with text values decoded.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> TakeAllAsync(string queue)
    {
        var taken = new List<IReadOnlyDictionary<string, string>>();
        while (await _channel.BasicGetAsync(queue, autoAck: true, TestContext.Current.CancellationToken) is { } message)
        {
            taken.Add((message.BasicProperties.Headers ?? new Dictionary<string, object?>())
                .ToDictionary(header => header.Key, header => header.Value switch
                {
                    byte[] text => Encoding.UTF8.GetString(text),
                    var other => other?.ToString() ?? "",
                }));
        }
        return taken;
    }

    /// <summary>Deletes the queues and the exchanges MassTransit declared for the given endpoints, error and
    /// skipped queues included, on a channel of its own so that an earlier failure does not prevent it.</summary>
    public async Task DeleteEndpointsAsync(params string[] queues)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: deadline.Token);
        foreach (var name in queues.SelectMany(queue => new[] { queue, $"{queue}_error", $"{queue}_skipped" }))
        {
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false, cancellationToken: deadline.Token);
            await channel.ExchangeDeleteAsync(name, ifUnused: false, cancellationToken: deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
