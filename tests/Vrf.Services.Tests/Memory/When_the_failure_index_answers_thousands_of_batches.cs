using Microsoft.Extensions.Logging.Abstractions;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;
using Vrf.Testing;

namespace Vrf.Services.Tests.Memory;

/// <summary>
/// The failure-index service answers every image from the embedded index: a loaded set is searched batch after batch
/// for as long as the worker lives (float32 products, top-k merges and double-precision re-scoring, all native tensors
/// and scratch arrays). Ten thousand look-up batches must hold resident memory flat after a warm-up.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class When_the_failure_index_answers_thousands_of_batches : IDisposable
{
    private const int Batches = 10_000;
    private const int WarmUp = 1000;
    private const int BatchSize = 16;
    private const int SetSize = 4096;
    private const int Dimension = 64;
    private const long AllowedGrowth = 16L << 20;

    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public async Task Should_hold_resident_memory_flat_through_the_embedded_index()
    {
        var store = new ModelStore(_folder.Path);
        var model = new ModelVersionId("memory", 1);
        Directory.CreateDirectory(store.VersionFolder(model));
        using var index = new EmbeddedFailureIndex(store, NullLogger<EmbeddedFailureIndex>.Instance);
        var random = new Random(1);
        await index.StoreAsync(model, new FailureSet(Dimension, [.. Enumerable.Range(0, SetSize).SelectMany(_ => UnitRow(random))],
            [.. Enumerable.Range(0, SetSize).Select(i => i % 10)], [.. Enumerable.Range(0, SetSize).Select(i => $"train/{i}.png")]),
            TestContext.Current.CancellationToken);
        var batches = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, BatchSize).Select(_ => UnitRow(random)).ToList()).ToList();

        var samples = await ResidentMemory.SampleAsync(Batches, WarmUp, async batch =>
        {
            var measured = await index.MeasureAsync(model, batches[batch % batches.Count], k: 10, nearestCount: 5, TestContext.Current.CancellationToken);
            Assert.Equal(BatchSize, measured.Count);
        });

        ResidentMemory.AssertFlat(samples, AllowedGrowth, $"look-ups of {BatchSize}");
    }

    public void Dispose() => _folder.Dispose();

    private static float[] UnitRow(Random random)
    {
        var values = Enumerable.Range(0, Dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var norm = Math.Sqrt(values.Sum(x => x * x));
        return [.. values.Select(x => (float)(x / norm))];
    }
}
