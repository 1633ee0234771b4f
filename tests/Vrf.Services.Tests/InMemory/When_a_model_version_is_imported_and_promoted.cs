using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Services.Models;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

public sealed class When_a_model_version_is_imported_and_promoted : IAsyncLifetime
{
    private readonly ReadyStore _store = new();
    private InMemoryPipeline _pipeline = null!;

    public async ValueTask InitializeAsync()
    {
        await _store.InitializeAsync();
        _pipeline = await InMemoryPipeline.StartAsync(_store.Root);
    }

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Should_index_it_report_progress_and_switch_requests_without_a_version_to_it()
    {
        var image = QueryImages.Drawn(1, seed: 3);
        Assert.Equal(1, (await _pipeline.ClassifiedAsync(Requests.Classify(image))).ModelVersion);
        var imported = _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName));
        Assert.Equal(1, (await _pipeline.ClassifiedAsync(Requests.Classify(image))).ModelVersion);

        await _pipeline.Harness.Bus.Publish(new ModelImported(ReadyStore.ModelName, imported.Id.Version, "tiny/2"),
            TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.GetConsumerHarness<ModelLifecycleConsumer>().Consumed.Any<ModelPromoted>(
            promoted => promoted.Context.Message.Version == 2, TestContext.Current.CancellationToken), "the promotion of tiny@2 never arrived");
        Assert.Equal(ModelStatus.Ready, _store.Serving.GetRequiredService<ModelStore>().Get(imported.Id).Status);
        var phases = _pipeline.PublishedSoFar<ModelIndexingProgressed>()
            .Where(progress => progress.Version == 2).Select(progress => progress.Phase).Distinct();
        Assert.Equal([IndexingPhases.TrainFeatures, IndexingPhases.FailureSet, IndexingPhases.ValidationFeatures,
            IndexingPhases.Calibration, IndexingPhases.WeightTuning], phases);
        Assert.Equal(2, (await _pipeline.ClassifiedAsync(Requests.Classify(image))).ModelVersion);
        Assert.Equal(1, (await _pipeline.ClassifiedAsync(Requests.Classify(image, version: 1))).ModelVersion);
        Assert.Contains(new ModelVersionId(ReadyStore.ModelName, 2), _pipeline.Services.GetRequiredService<ServedModels>().Loaded());
    }

    [Fact]
    public async Task Should_stop_serving_a_retired_version()
    {
        var image = QueryImages.Drawn(0, seed: 4);
        Assert.Equal(1, (await _pipeline.ClassifiedAsync(Requests.Classify(image))).ModelVersion);
        _store.Serving.GetRequiredService<ModelStore>().Retire(_store.Ready.Id);

        await _pipeline.Harness.Bus.Publish(new ModelRetired(ReadyStore.ModelName, 1), TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.GetConsumerHarness<ModelLifecycleConsumer>().Consumed.Any<ModelRetired>(
            TestContext.Current.CancellationToken), "the retirement never arrived");
        var current = await _pipeline.ClassifyAsync(Requests.Classify(image));
        Assert.Contains("has no ready version", current.Failure?.Reason);
        var pinned = await _pipeline.ClassifyAsync(Requests.Classify(image, version: 1));
        Assert.Contains("is retired and cannot be served", pinned.Failure?.Reason);
        Assert.Empty(_pipeline.Services.GetRequiredService<ServedModels>().Loaded());
    }

    [Fact]
    public async Task Should_finish_a_request_already_past_the_embedding_service_on_the_version_it_started_with_after_its_retirement()
    {
        var before = await _pipeline.ClassifiedAsync(Requests.Classify(QueryImages.Drawn(2, seed: 5)));
        var embedded = Assert.Single(_pipeline.PublishedSoFar<ImageEmbedded>(), message => message.RequestId == before.RequestId);
        _store.Serving.GetRequiredService<ModelStore>().Retire(_store.Ready.Id);
        await _pipeline.Harness.Bus.Publish(new ModelRetired(ReadyStore.ModelName, 1), TestContext.Current.CancellationToken);
        Assert.True(await _pipeline.Harness.GetConsumerHarness<ModelLifecycleConsumer>().Consumed.Any<ModelRetired>(
            TestContext.Current.CancellationToken), "the retirement never arrived");

        // The same image's embedding, as if it had been in the failure-index queue when the version was retired.
        var started = embedded with { RequestId = Guid.NewGuid(), ReplyAddress = null };
        await _pipeline.Harness.Bus.Publish(started, TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.Published.Any<ImageClassified>(message => message.Context.Message.RequestId == started.RequestId,
            TestContext.Current.CancellationToken), "the request that had started on the retired version never finished");
        var after = Assert.Single(_pipeline.PublishedSoFar<ImageClassified>(), message => message.RequestId == started.RequestId);
        Assert.Equal((1, before.PredictedClassIndex, before.Distance, before.Weight), (after.ModelVersion, after.PredictedClassIndex, after.Distance, after.Weight));
        Assert.Empty(_pipeline.PublishedSoFar<ImageClassificationFailed>());
    }

    [Fact]
    public async Task Should_announce_why_a_version_cannot_be_indexed()
    {
        await _pipeline.Harness.Bus.Publish(new ModelImported(ReadyStore.ModelName, 7, "tiny/7"), TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.Published.Any<ModelIndexingFailed>(TestContext.Current.CancellationToken),
            "no ModelIndexingFailed was published");
        var failed = Assert.Single(_pipeline.PublishedSoFar<ModelIndexingFailed>());
        Assert.Equal((ReadyStore.ModelName, 7), (failed.ModelName, failed.Version));
        Assert.Contains("has no version 7", failed.Reason);
        Assert.Empty(_pipeline.PublishedSoFar<ModelPromoted>());
    }

    [Fact]
    public async Task Should_announce_why_a_trained_version_cannot_be_indexed_as_for_an_imported_one()
    {
        await _pipeline.Harness.Bus.Publish(new ModelTrained(Guid.NewGuid(), ReadyStore.ModelName, 9, "tiny/9", 0.5),
            TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.Published.Any<ModelIndexingFailed>(TestContext.Current.CancellationToken),
            "no ModelIndexingFailed was published");
        var failed = Assert.Single(_pipeline.PublishedSoFar<ModelIndexingFailed>());
        Assert.Equal((ReadyStore.ModelName, 9), (failed.ModelName, failed.Version));
        Assert.Contains("has no version 9", failed.Reason);
        Assert.Empty(_pipeline.PublishedSoFar<ModelPromoted>());
    }
}
