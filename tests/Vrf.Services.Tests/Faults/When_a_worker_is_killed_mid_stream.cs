using System.Globalization;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// Clients classify without pause while each stage's worker is killed with SIGKILL as soon as its queue shows messages
/// delivered to it and not yet acknowledged: the embedding and the failure-index hosts (the only replica of each) are
/// replaced by a new process, and one of the two scorers is left dead so that the other takes over its messages. The
/// broker redelivers what the dead worker held; every request is answered with a result, and an answer that comes
/// twice (a worker killed after it published, before it acknowledged) is dropped by the client and counted.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_a_worker_is_killed_mid_stream(HostsOnRabbitMq services) : IClassFixture<HostsOnRabbitMq>
{
    private const int Clients = 8;
    private const int ResultsBetweenFaults = 16;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Should_answer_every_request_with_a_result_from_the_replacement_or_the_surviving_replica()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var clients = ClassifyLoops.Start(Clients,
            (client, index) => Requests.Classify(QueryImages.Drawn(index % 3, 2_000 * (client + 1) + index), $"client-{client}-{index}.png"),
            services.ClassifyAsync);
        await UntilAnsweredAsync(clients, ResultsBetweenFaults, "before the first kill");

        var kills = new List<string>();
        kills.Add(await KillWhileItHoldsMessagesAsync(ServiceNames.Embedding, ServiceNames.Embedding));
        await services.StartServiceAsync($"{ServiceNames.Embedding}-replacement", HostAssemblies.Embedding);
        await UntilAnsweredAsync(clients, clients.Classified + ResultsBetweenFaults, "after the embedding host was replaced");

        kills.Add(await KillWhileItHoldsMessagesAsync(ServiceNames.FailureIndex, ServiceNames.FailureIndex));
        await services.StartServiceAsync($"{ServiceNames.FailureIndex}-replacement", HostAssemblies.FailureIndex);
        await UntilAnsweredAsync(clients, clients.Classified + ResultsBetweenFaults, "after the failure-index host was replaced");

        kills.Add(await KillWhileItHoldsMessagesAsync(ServiceNames.Scorer, $"{ServiceNames.Scorer}-1"));
        await UntilAnsweredAsync(clients, clients.Classified + ResultsBetweenFaults, "after a scorer was killed");

        var requests = await clients.StopAsync();
        var tally = StreamTally.Of(requests, services.Pending);
        TestContext.Current.TestOutputHelper?.WriteLine($"Workers killed: {tally}\n{string.Join('\n', kills)}");
        Assert.True(tally.AllClassified, $"{tally}\n{tally.Details()}\n{services.Diagnostics()}");
        var queues = await services.Broker.QueueStatesAsync(cancellation);
        Assert.DoesNotContain(queues, queue => queue.Key.EndsWith("_error", StringComparison.Ordinal) && queue.Value.Messages > 0);
    }

    /// <summary>Kills the process once its stage's queue shows unacknowledged messages (or after half a minute of
    /// looking), and says what the queue showed.</summary>
    private async Task<string> KillWhileItHoldsMessagesAsync(string queue, string processName)
    {
        var process = services.Processes.Single(candidate => candidate.Name == processName && candidate.IsRunning);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        BrokerVirtualHost.QueueState state;
        do
        {
            state = (await services.Broker.QueueStatesAsync(TestContext.Current.CancellationToken))[queue];
        }
        while (state.Unacknowledged == 0 && DateTime.UtcNow < deadline);
        process.Kill();
        return string.Create(CultureInfo.InvariantCulture,
            $"{processName} killed at {DateTime.UtcNow:HH:mm:ss.fff}; its queue last showed {state.Unacknowledged} unacknowledged, {state.Ready} ready");
    }

    private Task UntilAnsweredAsync(ClassifyLoops clients, int answered, string when) =>
        clients.UntilClassifiedAsync(answered, StepTimeout, () => Task.FromResult(
            $"{when}: {StreamTally.Of(clients.SoFar(), services.Pending)}\n{services.Diagnostics()}"), TestContext.Current.CancellationToken);
}
