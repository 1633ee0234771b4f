using System.Text.Json;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

/// <summary>
/// The monitor beside the classify pipeline in one process, on the in-memory bus: every result feeds its version's
/// drift window (200 results here, so the test can clear it), which raises and clears its alarm as the traffic moves
/// away from the version's validation images and back.
/// </summary>
public sealed class When_traffic_is_watched_for_drift_in_memory(MonitoredStore store) : IClassFixture<MonitoredStore>
{
    public const int WindowSize = 200;
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["DriftWindow:Capacity"] = WindowSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Should_report_a_clear_alarm_and_an_empty_window_before_any_traffic()
    {
        await using var pipeline = await StartAsync();

        var report = Assert.Single(await pipeline.DriftAsync(ReadyStore.ModelName));

        Assert.Equal((ReadyStore.ModelName, store.Ready.Id.Version, false, null), (report.ModelName, report.ModelVersion, report.Alarm, report.Since));
        Assert.Equal(new DriftWindowSpan(0, null, null), report.Window);
        Assert.Equal(new DriftStatistics(null, null, null, null, null, null, null), report.Statistics);
        Assert.Null(report.NotMonitoredReason);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(ModelDriftDocument.From(report))).RootElement;
        Assert.Equal(["model", "version", "alarm", "since", "window", "statistics"], json.EnumerateObject().Select(property => property.Name));
        Assert.Equal(["size", "from", "to"], json.GetProperty("window").EnumerateObject().Select(property => property.Name));
        Assert.Equal(["share_above_p95", "binomial_p", "ks", "ks_p", "mean_omega", "disagreement", "class_chi2_p"],
            json.GetProperty("statistics").EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task Should_raise_one_alarm_within_200_shifted_images_and_clear_it_once_traffic_is_back()
    {
        await using var pipeline = await StartAsync();

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(150, seed: 100), pipeline.ClassifyAsync);
        await WaitUntilMonitoredAsync(pipeline, results: 150);
        Assert.Empty(pipeline.PublishedSoFar<DistributionShiftDetected>());
        var calm = Assert.Single(await pipeline.DriftAsync(ReadyStore.ModelName));
        Assert.False(calm.Alarm);
        Assert.All([calm.Statistics.BinomialP, calm.Statistics.KsP, calm.Statistics.ClassChiSquaredP], p => Assert.NotNull(p));

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.Shifted(200, seed: 200), pipeline.ClassifyAsync);
        await WaitForAsync(pipeline, () => pipeline.PublishedSoFar<DistributionShiftDetected>().Count > 0, "a DistributionShiftDetected");
        var detected = Assert.Single(pipeline.PublishedSoFar<DistributionShiftDetected>());
        Assert.Equal((ReadyStore.ModelName, store.Ready.Id.Version), (detected.ModelName, detected.ModelVersion));
        Assert.Contains(DriftTestKind.DistanceTail, detected.Tests);
        Assert.True(detected.Statistics.ShareAboveP95 > Vrf.Monitoring.DistanceTailTest.ExpectedShare);
        var raised = Assert.Single(await pipeline.DriftAsync(ReadyStore.ModelName));
        Assert.Equal((true, detected.DetectedAt), (raised.Alarm, raised.Since));

        await DriftTraffic.ClassifyAllAsync(DriftTraffic.InDistribution(WindowSize + 150, seed: 300), pipeline.ClassifyAsync);
        await WaitForAsync(pipeline, () => pipeline.PublishedSoFar<DistributionShiftCleared>().Count > 0, "a DistributionShiftCleared");
        var cleared = Assert.Single(pipeline.PublishedSoFar<DistributionShiftCleared>());
        Assert.Equal((ReadyStore.ModelName, store.Ready.Id.Version, detected.DetectedAt), (cleared.ModelName, cleared.ModelVersion, cleared.DetectedAt));
        await WaitUntilMonitoredAsync(pipeline, results: 150 + 200 + WindowSize + 150);
        Assert.Single(pipeline.PublishedSoFar<DistributionShiftDetected>());
        Assert.False(Assert.Single(await pipeline.DriftAsync(ReadyStore.ModelName)).Alarm);
    }

    [Fact]
    public async Task Should_give_every_result_the_share_of_validation_images_with_a_smaller_distance()
    {
        var validation = ValidationDistributionFile.Read(store.Ready.ValidationDistributionPath!);
        await using var pipeline = await StartAsync();

        foreach (var request in DriftTraffic.InDistribution(3, seed: 400).Concat(DriftTraffic.Shifted(3, seed: 401)))
        {
            var result = await pipeline.ClassifiedAsync(request);
            var reference = await store.ClassifyAsync(request.ImageBytes, Requests.Reference(request));

            var below = validation.Distances.Count(distance => distance < reference.Distance);
            Assert.Equal((double)below / validation.Distances.Count, result.DistancePercentile!.Value, 1e-9);
        }
        Assert.Equal(3 * MonitoredStore.ValidationPerClass, validation.ImageCount);
    }

    private Task<InMemoryPipeline> StartAsync() =>
        InMemoryPipeline.StartAsync(store.Root, Settings, services: [.. ServiceCatalog.ClassifyPipeline, ServiceCatalog.Monitor]);

    /// <summary>Waits for <paramref name="condition"/>, failing with what the monitor's window holds when it does not come.</summary>
    private static async Task WaitForAsync(InMemoryPipeline pipeline, Func<bool> condition, string what)
    {
        try
        {
            await Eventually.WaitUntilAsync(condition, EventTimeout);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            var report = (await pipeline.DriftAsync(ReadyStore.ModelName)).Single();
            Assert.Fail($"No {what} within {EventTimeout.TotalSeconds:0} s; the monitor took {pipeline.Consumed.Of<ImageClassified>(ServiceNames.Monitor)} results; " +
                        $"its window: {report}");
        }
    }

    /// <summary>Waits until the monitor has taken <paramref name="results"/> results off its queue: every one sent so far.</summary>
    private static Task WaitUntilMonitoredAsync(InMemoryPipeline pipeline, int results) =>
        WaitForAsync(pipeline, () => pipeline.Consumed.Of<ImageClassified>(ServiceNames.Monitor) >= results, $"{results} results monitored");
}
