using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// Clients classify without pause through the embedding, failure-index and scorer hosts while the broker goes away
/// twice: <c>rabbitmqctl stop_app</c> for a few seconds, then a stop and start of the whole node. The services and the
/// client reconnect by themselves; the requests in flight wait for the broker (their messages are persistent, in
/// durable queues, published with confirms, and a transport failure returns a message to its queue rather than to the
/// error queue) and are classified. The node is the test's own, never the machine's shared broker.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_the_broker_restarts_mid_stream(PipelineOnADedicatedBroker services) : IClassFixture<PipelineOnADedicatedBroker>
{
    private const int Clients = 8;
    private const int ResultsBetweenFaults = 24;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Should_answer_every_request_with_a_result_once_the_broker_is_back_and_leave_nothing_in_an_error_queue()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var clients = ClassifyLoops.Start(Clients,
            (client, index) => Requests.Classify(QueryImages.Drawn(index % 3, 1_000 * (client + 1) + index), $"client-{client}-{index}.png"),
            services.ClassifyAsync);
        await UntilAnsweredAsync(clients, ResultsBetweenFaults, "before the first outage");

        var timeline = new Timeline();
        await timeline.StepAsync("stop_app", () => services.Node.StopAppAsync(cancellation));
        var outageEnds = DateTime.UtcNow + Outage;
        await timeline.StepAsync("every service unready", () => UntilEveryServiceUnreadyAsync(cancellation));
        await Task.Delay(Max(outageEnds - DateTime.UtcNow, TimeSpan.Zero), cancellation);
        await timeline.StepAsync("start_app", () => services.Node.StartAppAsync(cancellation));
        await UntilAnsweredAsync(clients, clients.Classified + ResultsBetweenFaults, "after stop_app and start_app");

        await timeline.StepAsync("stop node", () => services.Node.StopNodeAsync(cancellation));
        await Task.Delay(Outage, cancellation);
        await timeline.StepAsync("start node", () => services.Node.StartNodeAsync(cancellation));
        await UntilAnsweredAsync(clients, clients.Classified + ResultsBetweenFaults, "after the node's stop and start");

        var requests = await clients.StopAsync();
        var tally = StreamTally.Of(requests, services.Pending);
        TestContext.Current.TestOutputHelper?.WriteLine($"Broker restarts: {tally}\n{timeline}\nslowest: " +
            string.Join("; ", requests.OrderByDescending(request => request.AnsweredAt - request.SentAt).Take(10).Select(request => request.Describe())));
        Assert.True(tally.AllClassified, $"{tally}\n{tally.Details()}\n{services.Diagnostics()}");
        var queues = await services.Broker.QueueStatesAsync(cancellation);
        Assert.DoesNotContain(queues, queue => queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value.Messages > 0);
        foreach (var stage in new[] { ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer })
        {
            Assert.True(queues[stage] is { Durable: true, Consumers: > 0 }, $"{stage}: {queues[stage]}\n{services.Diagnostics()}");
        }
        foreach (var process in services.Processes)
        {
            Assert.True(process.IsRunning, $"{process.Name} stopped:\n{process.Output}");
            await process.WaitUntilReadyAsync(cancellation);
        }
    }

    /// <summary>A service that cannot consume reports itself unready: each answers <c>/health/ready</c> with 503 while
    /// the broker is away.</summary>
    private async Task UntilEveryServiceUnreadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        foreach (var process in services.Processes)
        {
            while (await process.IsReadyAsync(cancellationToken))
            {
                Assert.True(DateTime.UtcNow < deadline, $"{process.Name} still reports itself ready a minute into the outage");
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private Task UntilAnsweredAsync(ClassifyLoops clients, int answered, string when) =>
        clients.UntilClassifiedAsync(answered, StepTimeout, async () =>
        {
            var queues = await services.Broker.QueueStatesAsync(TestContext.Current.CancellationToken);
            return $"{when}: {StreamTally.Of(clients.SoFar(), services.Pending)}\n" +
                   $"queues: {string.Join(", ", queues.Select(queue => $"{queue.Key} {queue.Value}"))}\n" +
                   $"{services.Diagnostics()}\n{services.Node.ConsoleLog}";
        }, TestContext.Current.CancellationToken);
}
