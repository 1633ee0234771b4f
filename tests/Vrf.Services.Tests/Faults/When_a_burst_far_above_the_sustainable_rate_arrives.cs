using System.Diagnostics;
using System.Globalization;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.Faults;

/// <summary>
/// Slow consumers under back-pressure: after a warm-up, a closed loop measures the pipeline's sustainable rate with
/// every stage at its full concurrency; then ten times that many requests are sent at once, each a small PNG padded to
/// 400 kB. The queues must hold the burst while each worker keeps no more messages than its prefetch (RabbitMQ's
/// unacknowledged count never exceeds the sum of its consumers' prefetch), every request must be answered once with a
/// result, the queues must drain, and no worker's resident memory may rise above its peak during the closed loop by
/// more than half the burst's images: a worker that took the whole burst would hold all of it.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_a_burst_far_above_the_sustainable_rate_arrives(HostsOnRabbitMq services) : IClassFixture<HostsOnRabbitMq>
{
    private const int WarmUpRequests = 32;
    private const int ClosedLoopRequests = 128;
    private const int ClosedLoopInFlight = 64;
    private const int BurstFactor = 10;
    private const int MinimumBurst = 400;
    private const int MaximumBurst = 800;
    private const int ImageBytes = 400_000;
    private static readonly string[] StageQueues = [ServiceNames.Embedding, ServiceNames.FailureIndex, ServiceNames.Scorer];
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_hold_it_in_the_queues_answer_every_request_once_and_keep_each_worker_within_its_prefetch()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        var image = QueryImages.Padded(ImageBytes);
        AssertAllClassified(await SendAsync(WarmUpRequests, WarmUpRequests, image));
        var clock = Stopwatch.StartNew();
        var closedLoopPeak = await PeakMemoryWhileAsync(async () => AssertAllClassified(await SendAsync(ClosedLoopRequests, ClosedLoopInFlight, image)));
        var sustainable = ClosedLoopRequests / clock.Elapsed.TotalSeconds;
        var prefetch = await PrefetchAsync(cancellation);

        var burst = Math.Clamp((int)(BurstFactor * sustainable), MinimumBurst, MaximumBurst);
        var allowedGrowthMiB = burst * (double)image.Length / 2 / 1048576;
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var queueSamples = WatchQueuesAsync(watching.Token);
        var backlog = WatchBacklogAsync(watching.Token);
        clock.Restart();
        IReadOnlyList<LoopedRequest> requests = [];
        var peak = await PeakMemoryWhileAsync(async () => requests = await SendAsync(burst, burst, image));
        var drained = clock.Elapsed;
        await watching.CancelAsync();
        var samples = await queueSamples;
        var mostWaiting = await backlog;

        var tally = StreamTally.Of(requests, services.Pending);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sustainable {sustainable:0.0} images/s; burst of {burst} ({burst * (long)image.Length >> 20} MiB of images) answered in {drained.TotalSeconds:0.0} s: {tally}; " +
            $"at most {mostWaiting} waiting in {ServiceNames.Embedding}"));
        foreach (var queue in StageQueues)
        {
            output.WriteLine($"{queue}: prefetch {string.Join(" + ", prefetch[queue])}; " +
                $"most seen: {samples.Max(sample => sample[queue].Unacknowledged)} unacknowledged, {samples.Max(sample => sample[queue].Ready)} ready ({samples.Count} samples)");
        }
        foreach (var (process, residentBefore) in closedLoopPeak)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{process}: resident at most {residentBefore:0} MiB in the closed loop, {peak[process]:0} MiB during the burst (allowed {allowedGrowthMiB:0} MiB more)"));
        }

        Assert.True(tally.AllClassified, $"{tally}\n{tally.Details()}\n{services.Diagnostics()}");
        Assert.Equal(0, tally.Duplicates);
        Assert.True(mostWaiting > prefetch[ServiceNames.Embedding].Sum(), $"the burst never waited in {ServiceNames.Embedding}: at most {mostWaiting}");
        Assert.Contains(samples, sample => sample[ServiceNames.Embedding].Ready > 0);
        foreach (var queue in StageQueues)
        {
            Assert.All(prefetch[queue], count => Assert.InRange(count, 1, 1024));
            Assert.All(samples, sample => Assert.True(sample[queue].Unacknowledged <= prefetch[queue].Sum(),
                $"{queue} held {sample[queue].Unacknowledged} unacknowledged messages with a prefetch of {prefetch[queue].Sum()}"));
        }
        Assert.All(closedLoopPeak, process => Assert.True(peak[process.Key] - process.Value <= allowedGrowthMiB,
            string.Create(CultureInfo.InvariantCulture, $"{process.Key} rose from {process.Value:0} MiB (its closed-loop peak) to {peak[process.Key]:0} MiB during the burst")));
        await AssertDrainedAsync(cancellation);
    }

    private void AssertAllClassified(IReadOnlyList<LoopedRequest> requests)
    {
        var tally = StreamTally.Of(requests, services.Pending);
        Assert.True(tally.AllClassified, $"{tally}\n{tally.Details()}");
    }

    /// <summary>Sends <paramref name="count"/> requests, at most <paramref name="inFlight"/> waiting at once, and
    /// returns each with its outcome, or with the timeout that says why it has none.</summary>
    private async Task<IReadOnlyList<LoopedRequest>> SendAsync(int count, int inFlight, byte[] image)
    {
        using var slots = new SemaphoreSlim(inFlight);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            await slots.WaitAsync(TestContext.Current.CancellationToken);
            var request = Requests.Classify(image, $"burst-{index}.png");
            var sentAt = DateTime.UtcNow;
            try
            {
                return new LoopedRequest(0, index, request, sentAt, DateTime.UtcNow, await services.ClassifyAsync(request), null);
            }
            catch (TimeoutException timeout)
            {
                return new LoopedRequest(0, index, request, sentAt, DateTime.UtcNow, null, timeout);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>The prefetch count of each consumer of each stage's queue, as the broker holds it.</summary>
    private async Task<Dictionary<string, int[]>> PrefetchAsync(CancellationToken cancellationToken)
    {
        var consumers = await services.Broker.Control.ListAsync(cancellationToken, "list_consumers", "-p", services.Broker.Name, "queue_name", "prefetch_count");
        return StageQueues.ToDictionary(queue => queue, queue => consumers.Where(columns => columns[0] == queue)
            .Select(columns => int.Parse(columns[1], CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Each service process's resident memory now, in MiB.</summary>
    private Dictionary<string, double> ResidentMiB() =>
        services.Processes.ToDictionary(process => process.Name, process =>
        {
            using var running = Process.GetProcessById(process.ProcessId);
            return running.WorkingSet64 / 1048576.0;
        });

    /// <summary>Runs <paramref name="work"/> while sampling each process's resident memory every 100 ms, and returns the
    /// highest each reached.</summary>
    private async Task<Dictionary<string, double>> PeakMemoryWhileAsync(Func<Task> work)
    {
        var peak = ResidentMiB();
        var running = work();
        while (!running.IsCompleted)
        {
            foreach (var (process, resident) in ResidentMiB())
            {
                peak[process] = Math.Max(peak[process], resident);
            }
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None));
        }
        await running;
        return peak;
    }

    /// <summary>The most messages seen waiting in the embedding queue, read every 50 ms over AMQP until cancelled.</summary>
    private async Task<uint> WatchBacklogAsync(CancellationToken cancellationToken)
    {
        var most = 0u;
        while (!cancellationToken.IsCancellationRequested)
        {
            most = Math.Max(most, await services.Broker.MessageCountAsync(ServiceNames.Embedding, CancellationToken.None));
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
        return most;
    }

    /// <summary>The stage queues' messages, ready and unacknowledged, as often as <c>rabbitmqctl</c> answers, until
    /// cancelled (one sample at least).</summary>
    private async Task<List<IReadOnlyDictionary<string, BrokerVirtualHost.QueueState>>> WatchQueuesAsync(CancellationToken cancellationToken)
    {
        var samples = new List<IReadOnlyDictionary<string, BrokerVirtualHost.QueueState>>();
        do
        {
            samples.Add(await services.Broker.QueueStatesAsync(CancellationToken.None));
        }
        while (!cancellationToken.IsCancellationRequested);
        return samples;
    }

    /// <summary>Every queue of the run empties (acknowledgements may trail the last answer by a moment).</summary>
    private async Task AssertDrainedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DrainTimeout;
        IReadOnlyDictionary<string, BrokerVirtualHost.QueueState> queues;
        do
        {
            queues = await services.Broker.QueueStatesAsync(cancellationToken);
        }
        while (queues.Values.Any(queue => queue.Messages > 0) && DateTime.UtcNow < deadline);
        Assert.All(queues, queue => Assert.True(queue.Value.Messages == 0, $"{queue.Key} still holds {queue.Value.Messages} message(s)"));
    }
}
