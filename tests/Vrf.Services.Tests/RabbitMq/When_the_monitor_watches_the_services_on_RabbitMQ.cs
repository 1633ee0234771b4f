using Vrf.Contracts;
using Vrf.Services.Tests.InMemory;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;

namespace Vrf.Services.Tests.RabbitMq;

/// <summary>
/// The embedding, failure-index and scorer hosts and two monitor hosts as processes on RabbitMQ: the monitor's queue
/// has one active consumer, so however many replicas run, one window sees every result and a shift is announced once.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class When_the_monitor_watches_the_services_on_RabbitMQ(MonitoredHostsOnRabbitMq services) : IClassFixture<MonitoredHostsOnRabbitMq>
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Should_announce_a_shift_once_across_two_replicas_within_200_images_and_clear_it_once_traffic_is_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Assert.Equal((uint)MonitoredHostsOnRabbitMq.MonitorReplicas, await services.Broker.ConsumerCountAsync(ServiceNames.Monitor, cancellation));
        var before = Assert.Single(await services.DriftAsync(ReadyStore.ModelName));
        Assert.Equal((false, 0), (before.Alarm, before.Window.Size));

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(150, seed: 600), services.ClassifyAsync);
        await WaitUntilMonitoredAsync();
        Assert.Empty(services.Events.All<DistributionShiftDetected>());
        var calm = Assert.Single(await services.DriftAsync(ReadyStore.ModelName));
        Assert.Equal((false, 150), (calm.Alarm, calm.Window.Size));

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.Shifted(200, seed: 601), services.ClassifyAsync);
        var detected = await services.Events.WaitForAsync<DistributionShiftDetected>(_ => true, EventTimeout, services.Diagnostics);
        Assert.Equal((ReadyStore.ModelName, services.Store.Ready.Id.Version), (detected.ModelName, detected.ModelVersion));
        Assert.Contains(DriftTestKind.DistanceTail, detected.Tests);
        await WaitUntilMonitoredAsync();
        Assert.True((await services.DriftAsync(ReadyStore.ModelName)).Single().Alarm);

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(When_traffic_is_watched_for_drift_in_memory.WindowSize + 150, seed: 602),
            services.ClassifyAsync);
        var cleared = await services.Events.WaitForAsync<DistributionShiftCleared>(_ => true, EventTimeout, services.Diagnostics);
        Assert.Equal(detected.DetectedAt, cleared.DetectedAt);
        await WaitUntilMonitoredAsync();
        Assert.Single(services.Events.All<DistributionShiftDetected>());
        Assert.Single(services.Events.All<DistributionShiftCleared>());
        Assert.False((await services.DriftAsync(ReadyStore.ModelName)).Single().Alarm);
    }

    /// <summary>Waits until the monitor's queue holds no message, delivered or not: every result so far went through a window.</summary>
    private async Task WaitUntilMonitoredAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(EventTimeout);
        while ((await services.Broker.QueuesAsync(deadline.Token)).GetValueOrDefault(ServiceNames.Monitor) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
        }
    }
}
