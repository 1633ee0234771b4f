using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

public sealed class When_images_arrive_for_the_encoders(ReadyStore store) : IClassFixture<ReadyStore>
{
    [Fact]
    public async Task A_full_batch_runs_at_once_without_waiting_out_the_delay()
    {
        await using var pipeline = await InMemoryPipeline.StartAsync(store.Root, new Dictionary<string, string?>
        {
            ["Embedding:MaxBatchSize"] = "4",
            ["Embedding:MaxBatchDelayMs"] = "20000",
        });
        var requests = Enumerable.Range(0, 4).Select(seed => Requests.Classify(QueryImages.Drawn(seed % 3, 40 + seed), $"batched-{seed}.png")).ToList();

        var results = await Task.WhenAll(requests.Select(pipeline.ClassifiedAsync));

        Assert.All(results, result => Assert.InRange(Stage(result, "batch-wait"), 0, 10_000));
        Assert.Single(results.Select(result => Stage(result, "encode")).Distinct());
        foreach (var (request, result) in requests.Zip(results))
        {
            (await store.ClassifyAsync(request.ImageBytes, Requests.Reference(request))).AssertMatches(result);
        }
    }

    [Fact]
    public async Task A_lone_image_runs_once_the_delay_has_passed()
    {
        await using var pipeline = await InMemoryPipeline.StartAsync(store.Root, new Dictionary<string, string?>
        {
            ["Embedding:MaxBatchSize"] = "8",
            ["Embedding:MaxBatchDelayMs"] = "300",
        });

        var result = await pipeline.ClassifiedAsync(Requests.Classify(QueryImages.Drawn(2, 50)));

        Assert.InRange(Stage(result, "batch-wait"), 250, 30_000);
    }

    private static double Stage(Vrf.Contracts.ImageClassified result, string stage) =>
        result.StageTimings.Single(timing => timing.Stage == stage).Milliseconds;
}
