using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Encoders;
using Vrf.Services.Embedding;
using Vrf.Services.Models;
using Vrf.Services.Tests.Support;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Tests.Memory;

/// <summary>
/// A long-running worker must not leak: native tensors left outside a dispose scope grow resident memory batch after
/// batch. Thousands of batches of the tiny CLIP run through the encoders, and through the embedding service's own path
/// (resolve, lease, decode, preprocess, dynamic batch); after a warm-up, resident memory must stay flat.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class When_a_worker_runs_thousands_of_batches(ReadyStore store) : IClassFixture<ReadyStore>
{
    private const int Batches = 3000;
    private const int BatchSize = 4;
    private const int WarmUp = 300;
    private const long AllowedGrowth = 32L << 20;

    [Fact]
    public async Task Should_hold_resident_memory_flat_through_the_encoders()
    {
        using var model = ServedModel.Load(store.Ready, store.Serving.GetRequiredService<EncoderKinds>());
        var batches = Enumerable.Range(0, 3)
            .Select(batch => Images(batch).Select(image => model.Preprocess(image, "query.png")).ToList())
            .ToList();

        // On a pool thread, as the embedding service's batch loop runs them (on the test's own thread the same batches
        // ran about 15 times slower on this machine).
        var samples = await ResidentMemory.SampleAsync(Batches, WarmUp, async batch =>
            Assert.Equal(BatchSize, (await Task.Run(() => model.Embed(batches[batch % batches.Count]))).Count));

        AssertFlat(samples);
    }

    [Fact]
    public async Task Should_hold_resident_memory_flat_through_the_embedding_service()
    {
        using var models = new ServedModels(store.Serving.GetRequiredService<ModelStore>(), store.Serving.GetRequiredService<EncoderKinds>(),
            Options.Create(new InferenceOptions()),
            Options.Create(new ServedModelsOptions()), Options.Create(new RetirementOptions()), [], NullLogger<ServedModels>.Instance);
        using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        await using var batchers = new EncoderBatchers(
            Options.Create(new EmbeddingOptions { MaxBatchSize = BatchSize, MaxBatchDelayMs = 1000 }),
            metrics.GetRequiredService<IMeterFactory>(), NullLogger<EncoderBatchers>.Instance);
        using var budget = new DecodingBudget(Options.Create(new EmbeddingOptions()));
        var embedder = new ImageEmbedder(models, batchers, budget);
        var unbatched = 0;

        var samples = await ResidentMemory.SampleAsync(Batches, WarmUp, async batch =>
        {
            var embedded = await Task.WhenAll(Images(batch % 3)
                .Select(image => embedder.EmbedAsync(Requests.Classify(image), TestContext.Current.CancellationToken)));
            unbatched += embedded.Select(image => image.StageTimings.Single(timing => timing.Stage == "encode").Milliseconds).Distinct().Count() - 1;
        });

        Assert.Equal(0, unbatched);
        AssertFlat(samples);
    }

    private static IEnumerable<byte[]> Images(int batch) =>
        Enumerable.Range(0, BatchSize).Select(i => QueryImages.Drawn(i % 3, 100 * batch + i));

    private static void AssertFlat(IReadOnlyList<(int Batches, long Bytes)> samples) =>
        ResidentMemory.AssertFlat(samples, AllowedGrowth, $"batches of {BatchSize}");
}
