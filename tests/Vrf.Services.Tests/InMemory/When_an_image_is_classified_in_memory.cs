using Vrf.Contracts;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

public sealed class When_an_image_is_classified_in_memory(ReadyStore store) : IClassFixture<ReadyStore>, IAsyncLifetime
{
    private InMemoryPipeline _pipeline = null!;

    public async ValueTask InitializeAsync() => _pipeline = await InMemoryPipeline.StartAsync(store.Root);

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    [Theory]
    [InlineData(EnsembleMode.Vrf, null)]
    [InlineData(EnsembleMode.ZeroShot, null)]
    [InlineData(EnsembleMode.FineTuned, null)]
    [InlineData(EnsembleMode.OutputSpace, null)]
    [InlineData(EnsembleMode.OutputSpace, 0.3)]
    public async Task Should_equal_the_in_process_reference_in_every_ensemble_mode(EnsembleMode mode, double? alpha)
    {
        for (var label = 0; label < Requests.AllClasses; label++)
        {
            var image = QueryImages.Drawn(label, seed: 100 + label);
            var request = Requests.Classify(image, $"drawn-{label}.png", mode, alpha);

            var result = await _pipeline.ClassifiedAsync(request);

            (await store.ClassifyAsync(image, Requests.Reference(request))).AssertMatches(result);
            Assert.Equal(request.RequestId, result.RequestId);
        }
    }

    [Fact]
    public async Task Should_name_the_version_and_time_every_stage()
    {
        var result = await _pipeline.ClassifiedAsync(Requests.Classify(QueryImages.Drawn(1, seed: 5)));

        Assert.Equal((ReadyStore.ModelName, store.Ready.Id.Version), (result.ModelName, result.ModelVersion));
        Assert.Equal(["decode", "preprocess", "batch-wait", "encode", "lookup-wait", "failure-lookup", "score"], result.StageTimings.Select(timing => timing.Stage));
        Assert.All(result.StageTimings, timing => Assert.True(timing.Milliseconds >= 0, $"{timing.Stage} took {timing.Milliseconds} ms"));
    }

    [Theory]
    [InlineData(Requests.AllClasses + 1)]
    [InlineData(int.MaxValue)]
    public async Task Should_list_every_class_when_asked_for_more_classes_than_the_model_has(int topK)
    {
        var image = QueryImages.Drawn(0, seed: 21);
        var request = Requests.Classify(image) with { TopK = topK };

        var result = await _pipeline.ClassifiedAsync(request);

        var reference = await store.ClassifyAsync(image, Requests.Reference(request) with { TopK = Requests.AllClasses });
        reference.AssertMatches(result);
        Assert.Equal(Requests.AllClasses, result.TopClasses.Count);
    }

    [Fact]
    public async Task Should_list_the_nearest_failures_that_explain_d_when_asked()
    {
        var image = QueryImages.Drawn(2, seed: 9);
        var request = Requests.Classify(image, nearestFailures: 2);

        var result = await _pipeline.ClassifiedAsync(request);

        var reference = await store.ClassifyAsync(image, Requests.Reference(request));
        reference.AssertMatches(result);
        Assert.Equal(reference.Classification.NearestFailures.Select(failure => (failure.SampleId, failure.Label)),
            result.NearestFailures.Select(failure => (failure.SampleId, failure.Label)));
        Assert.Equal(result.NearestFailures[store.Ready.Parameters.K - 1].Distance, result.Distance!.Value, ReferenceResult.Tolerance);
    }

    [Fact]
    public async Task Should_accept_an_explicit_version()
    {
        var image = QueryImages.Drawn(0, seed: 11);
        var request = Requests.Classify(image, version: store.Ready.Id.Version);

        var result = await _pipeline.ClassifiedAsync(request);

        (await store.ClassifyAsync(image, Requests.Reference(request))).AssertMatches(result);
    }
}
