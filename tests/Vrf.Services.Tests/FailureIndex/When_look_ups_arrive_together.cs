using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services.Batching;
using Vrf.Services.FailureIndex;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.FailureIndex;

public sealed class When_look_ups_arrive_together(ReadyStore store) : IClassFixture<ReadyStore>, IDisposable
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _metrics.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Should_answer_a_version_s_look_ups_as_one_batch_each_with_its_own_distance_and_measure_the_batch()
    {
        using var sizes = new RecordedMeasurements<int>(Meters, FailureIndexTelemetry.SourceName, BatchSizes.Size);
        await using var batchers = Batchers(maxBatchSize: 6, maxBatchDelayMs: 20_000);
        var features = Enumerable.Range(0, 6).Select(Feature).ToList();

        var batched = await Task.WhenAll(features.Select((feature, i) =>
            batchers.MeasureAsync(store.Ready.Id, feature, store.Ready.Parameters.K, i % 3, TestContext.Current.CancellationToken)));

        Assert.All(batched, one => Assert.Equal(6, one.BatchSize));
        var size = Assert.Single(sizes.Measurements);
        Assert.Equal("{image}", sizes.Unit);
        Assert.Equal(6, size.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            ["vrf.model.name"] = store.Ready.Id.Name,
            ["vrf.model.version"] = store.Ready.Id.Version.ToString(CultureInfo.InvariantCulture),
            ["vrf.stage"] = "failure-index",
        }, size.Attributes);
        for (var i = 0; i < features.Count; i++)
        {
            var alone = (await store.Index.MeasureAsync(store.Ready.Id, [features[i]], store.Ready.Parameters.K, i % 3,
                TestContext.Current.CancellationToken))[0];
            Assert.Equal(alone.Distance, batched[i].Result.Distance, 1e-6);
            Assert.Equal(i % 3, batched[i].Result.Nearest.Count);
        }
    }

    [Fact]
    public async Task Should_fail_only_the_look_ups_at_fault_and_never_batch_versions_together()
    {
        await using var batchers = Batchers(maxBatchSize: 4, maxBatchDelayMs: 300);
        var k = store.Ready.Parameters.K;
        var unknown = new ModelVersionId(store.Ready.Id.Name, store.Ready.Id.Version + 40);
        var cancel = TestContext.Current.CancellationToken;

        var good = new[] { batchers.MeasureAsync(store.Ready.Id, Feature(1), k, 0, cancel), batchers.MeasureAsync(store.Ready.Id, Feature(2), k, 0, cancel) };
        var wrongSize = batchers.MeasureAsync(store.Ready.Id, [.. Feature(3), 1f], k, 0, cancel);
        var zero = batchers.MeasureAsync(store.Ready.Id, new float[Feature(4).Length], k, 0, cancel);
        var ofUnknownVersion = batchers.MeasureAsync(unknown, Feature(5), k, 0, cancel);

        Assert.All(await Task.WhenAll(good), one => Assert.True(double.IsFinite(one.Result.Distance)));
        Assert.All(await Task.WhenAll(good), one => Assert.Equal(4, one.BatchSize));
        await Assert.ThrowsAsync<FeatureDimensionMismatchException>(() => wrongSize);
        await Assert.ThrowsAsync<InvalidFeatureException>(() => zero);
        await Assert.ThrowsAsync<ModelNotFoundException>(() => ofUnknownVersion);
    }

    private LookupBatchers Batchers(int maxBatchSize, int maxBatchDelayMs) =>
        new(store.Index, Options.Create(new LookupBatchingOptions { MaxBatchSize = maxBatchSize, MaxBatchDelayMs = maxBatchDelayMs }), Meters);

    public void Dispose() => _metrics.Dispose();

    /// <summary>A feature of the failure set's size, different for every seed.</summary>
    private float[] Feature(int seed)
    {
        var random = new Random(900 + seed);
        return [.. Enumerable.Range(0, store.Ready.Manifest.EmbeddingDim).Select(_ => random.NextSingle() - 0.5f)];
    }
}
