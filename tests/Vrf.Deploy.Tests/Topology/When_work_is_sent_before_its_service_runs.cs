using RabbitMQ.Client;
using Vrf.Deploy.Tests.Support;
using Vrf.ServiceDefaults;
using Vrf.Services;

namespace Vrf.Deploy.Tests.Topology;

/// <summary>
/// Work that reaches the broker before its service ever ran waits in the queue the service takes it from, also where
/// the services' users may not declare queues: deploy/rabbitmq's definitions declare every queue of
/// <see cref="WorkQueues"/> and bind it to its message's exchange, and those queues are the ones the services consume.
/// </summary>
public sealed class When_work_is_sent_before_its_service_runs(When_each_service_connects_as_its_own_broker_user.DefinedBroker broker)
    : IClassFixture<When_each_service_connects_as_its_own_broker_user.DefinedBroker>
{
    public static TheoryData<string, string> Work => [.. WorkQueues.All.Select(work => (work.Message.Name, work.Queue))];

    [Theory]
    [MemberData(nameof(Work))]
    public async Task Should_keep_it_in_the_queue_the_broker_definitions_declare(string message, string queue)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var operatorConnection = await broker.Users.ConnectAsync("operator", cancellation);
        await using var publisher = await operatorConnection.CreateChannelAsync(cancellationToken: cancellation);
        await using var adminConnection = await broker.Users.ConnectAsync("admin", cancellation);
        await using var admin = await adminConnection.CreateChannelAsync(cancellationToken: cancellation);
        var before = (await admin.QueueDeclarePassiveAsync(queue, cancellation)).MessageCount;

        await publisher.BasicPublishAsync($"Vrf.Contracts:{message}", "", "{}"u8.ToArray(), cancellation);
        await publisher.BasicQosAsync(0, 1, false, cancellation);

        Assert.Equal(before + 1, (await admin.QueueDeclarePassiveAsync(queue, cancellation)).MessageCount);
        Assert.NotNull(await admin.BasicGetAsync(queue, autoAck: true, cancellation));
    }

    [Fact]
    public void Should_name_only_queues_a_service_takes_its_work_from()
    {
        var consumed = ServiceCatalog.All.Select(ServiceSurface.Of).SelectMany(service => service.WorkQueues).ToHashSet();

        Assert.All(WorkQueues.All, work => Assert.Contains(work.Queue, consumed));
    }
}
