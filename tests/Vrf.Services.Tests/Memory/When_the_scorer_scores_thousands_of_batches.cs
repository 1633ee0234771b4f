using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Services.Scorer;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.Memory;

/// <summary>
/// The scorer turns every measured image into a result (ω, the ensemble, the top classes, d's percentile among the
/// version's validation images) and records it in its metrics, for as long as the worker lives. Ten thousand batches of
/// measured images must hold resident memory flat after a warm-up: no cache, histogram or per-result record may grow
/// with the results.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class When_the_scorer_scores_thousands_of_batches(ReadyStore store) : IClassFixture<ReadyStore>
{
    private const int Batches = 10_000;
    private const int WarmUp = 1000;
    private const int BatchSize = 16;
    private const long AllowedGrowth = 16L << 20;

    [Fact]
    public async Task Should_hold_resident_memory_flat_through_the_scorer()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:Root"] = store.Root })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddScorerService(configuration).BuildServiceProvider();
        var scorer = services.GetRequiredService<ImageScorer>();
        var classes = store.Ready.Manifest.ClassNames.Count;
        var random = new Random(1);
        var measured = Enumerable.Range(0, BatchSize).Select(i => new FailureDistanceMeasured(Guid.NewGuid(), store.Ready.Id.Name,
            store.Ready.Id.Version, Logits(random, classes), Logits(random, classes), random.NextDouble() * 2, store.Ready.Parameters.K,
            [], (EnsembleMode)(i % 4), i % 4 == 3 ? 0.5 : null, classes, [])).ToList();

        var samples = await ResidentMemory.SampleAsync(Batches, WarmUp, batch =>
        {
            foreach (var message in measured)
            {
                Assert.Equal(message.RequestId, scorer.Score(message with { Distance = random.NextDouble() * 2 }).RequestId);
            }
            return Task.CompletedTask;
        });

        ResidentMemory.AssertFlat(samples, AllowedGrowth, $"batches of {BatchSize} results");
    }

    private static float[] Logits(Random random, int classes) =>
        [.. Enumerable.Range(0, classes).Select(_ => (float)(random.NextDouble() * 10 - 5))];
}
