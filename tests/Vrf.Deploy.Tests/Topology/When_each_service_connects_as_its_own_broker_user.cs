using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Vrf.Deploy.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Deploy.Tests.Topology;

/// <summary>
/// The broker's users of deploy/rabbitmq on the real local RabbitMQ (a private virtual host): each service may publish
/// the messages it publishes and nothing else, so a scorer cannot retrain, promote or retire a model, nor write into
/// another service's queue; KEDA's user may look at queue lengths only. The services themselves run with these users in
/// <see cref="When_the_compose_topology_runs_as_processes"/>.
/// </summary>
public sealed class When_each_service_connects_as_its_own_broker_user(When_each_service_connects_as_its_own_broker_user.DefinedBroker broker)
    : IClassFixture<When_each_service_connects_as_its_own_broker_user.DefinedBroker>
{
    private const ushort AccessRefused = 403;

    private BrokerUsers Users => broker.Users;

    [Theory]
    [InlineData("scorer", "Vrf.Contracts:RetrainModel")]
    [InlineData("scorer", "Vrf.Contracts:ModelRetired")]
    [InlineData("scorer", "Vrf.Contracts:ModelPromoted")]
    [InlineData("scorer", "embedding")]
    [InlineData("embedding", "Vrf.Contracts:ModelRetired")]
    [InlineData("embedding", "Vrf.Contracts:ImageClassified")]
    [InlineData("gateway", "Vrf.Contracts:ImageClassified")]
    [InlineData("monitor", "Vrf.Contracts:ModelRetired")]
    [InlineData("monitor", "Vrf.Contracts:ImageClassified")]
    [InlineData("gateway", "Vrf.Contracts:ModelTrained")]
    [InlineData("gateway", "fine-tuning")]
    [InlineData("fine-tuning", "Vrf.Contracts:ModelPromoted")]
    [InlineData("keda", "Vrf.Contracts:ClassifyImage")]
    public async Task Should_refuse_a_user_that_publishes_what_its_service_does_not(string user, string exchange)
    {
        Assert.Equal(AccessRefused, await PublishAsync(user, exchange));
    }

    [Theory]
    [InlineData("scorer", "Vrf.Contracts:ImageClassified")]
    [InlineData("embedding", "Vrf.Contracts:ImageEmbedded")]
    [InlineData("gateway", "Vrf.Contracts:RetrainModel")]
    [InlineData("gateway", "Vrf.Contracts:ClassifyImage")]
    [InlineData("gateway", "Vrf.Contracts:ModelRetired")]
    [InlineData("fine-tuning", "Vrf.Contracts:ModelTrained")]
    [InlineData("failure-index", "Vrf.Contracts:ModelPromoted")]
    [InlineData("operator", "Vrf.Contracts:ModelRetired")]
    public async Task Should_let_a_user_publish_what_its_service_publishes(string user, string exchange)
    {
        Assert.Null(await PublishAsync(user, exchange));
    }

    [Fact]
    public async Task Should_let_keda_see_a_queues_length_but_not_take_its_messages()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var keda = await Users.ConnectAsync("keda", cancellation);
        await using var channel = await keda.CreateChannelAsync(cancellationToken: cancellation);

        var queue = await channel.QueueDeclarePassiveAsync("scorer", cancellation);

        Assert.Equal(0u, queue.MessageCount);
        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.BasicGetAsync("scorer", autoAck: true, cancellation));
        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    /// <summary>Publishes an empty message to the exchange as the user; null when the broker took it, else the code it
    /// closed the channel with.</summary>
    private async Task<ushort?> PublishAsync(string user, string exchange)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var connection = await Users.ConnectAsync(user, cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellation);
        try
        {
            await channel.BasicPublishAsync(exchange, "", "{}"u8.ToArray(), cancellation);
            // A round trip on the same channel: the broker has handled the publish by the time it answers.
            await channel.BasicQosAsync(0, 1, false, cancellation);
            return null;
        }
        catch (OperationInterruptedException refused)
        {
            return refused.ShutdownReason?.ReplyCode;
        }
    }

    /// <summary>A private virtual host with the users of deploy/rabbitmq and the exchanges and queue the tests use, made
    /// once for the class (rabbitmqctl is slow on a loaded machine).</summary>
    public sealed class DefinedBroker : IAsyncLifetime
    {
        private static readonly string[] Exchanges =
        [
            "Vrf.Contracts:RetrainModel", "Vrf.Contracts:ModelRetired", "Vrf.Contracts:ModelPromoted", "Vrf.Contracts:ModelTrained",
            "Vrf.Contracts:ImageClassified", "Vrf.Contracts:ImageEmbedded", "Vrf.Contracts:ClassifyImage", "embedding", "fine-tuning",
        ];

        private BrokerVirtualHost? _host;
        private BrokerUsers? _users;

        public BrokerUsers Users => _users ?? throw new InvalidOperationException("The broker is not set up.");

        public async ValueTask InitializeAsync()
        {
            _host = await BrokerVirtualHost.CreateAsync(TestContext.Current.CancellationToken);
            _users = await BrokerUsers.CreateAsync(_host);
            await using var admin = await Users.ConnectAsync("admin", TestContext.Current.CancellationToken);
            await using var channel = await admin.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
            foreach (var exchange in Exchanges)
            {
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: TestContext.Current.CancellationToken);
            }
            await channel.QueueDeclareAsync("scorer", durable: true, exclusive: false, autoDelete: false, cancellationToken: TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_users is not null)
            {
                await _users.DisposeAsync();
            }
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
    }
}
