using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Services.Models;
using Vrf.Services.Tests.Support;
using Vrf.Serving.Import;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Tests.Models;

public sealed class When_a_worker_serves_model_versions : IAsyncLifetime
{
    private readonly ReadyStore _store = new();

    public ValueTask InitializeAsync() => _store.InitializeAsync();

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task Should_load_a_version_once_however_many_messages_ask_at_the_same_time()
    {
        using var models = Models();
        var bundle = models.Resolve(ReadyStore.ModelName, null);

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => models.AcquireAsync(bundle, TestContext.Current.CancellationToken)));

        Assert.Single(leases.Select(lease => lease.Model).Distinct());
        Assert.Equal([bundle.Id], models.Loaded());
        Array.ForEach(leases, lease => lease.Dispose());
    }

    [Fact]
    public async Task Should_let_a_message_finish_on_a_version_retired_under_it()
    {
        using var models = Models();
        var bundle = models.Resolve(ReadyStore.ModelName, 1);
        using var lease = await models.AcquireAsync(bundle, TestContext.Current.CancellationToken);
        var image = lease.Model.Preprocess(QueryImages.Drawn(0, 1), "query.png");

        _store.Serving.GetRequiredService<ModelStore>().Retire(bundle.Id);
        models.Retire(bundle.Id);

        Assert.Single(lease.Model.Embed([image]));
        Assert.Empty(models.Loaded());
        var error = Assert.Throws<ModelNotReadyException>(() => models.Resolve(ReadyStore.ModelName, 1));
        Assert.Contains("retired", error.Message);
    }

    [Fact]
    public async Task Should_not_load_a_version_again_when_it_is_retired_between_resolving_and_acquiring()
    {
        using var models = Models();
        var bundle = models.Resolve(ReadyStore.ModelName, null);

        _store.Serving.GetRequiredService<ModelStore>().Retire(bundle.Id);
        models.Retire(bundle.Id);

        var error = await Assert.ThrowsAsync<ModelNotReadyException>(() => models.AcquireAsync(bundle, TestContext.Current.CancellationToken));
        Assert.Contains("retired", error.Message);
        Assert.Empty(models.Loaded());
    }

    [Fact]
    public async Task Should_never_make_a_version_retired_here_the_current_one_even_while_the_store_still_lists_it_ready()
    {
        using var models = Models();
        var second = await BuildSecondVersionAsync();

        // The state of a retirement that lands while a first request looks the current version up in the store.
        models.Retire(second.Id);

        Assert.Equal(1, models.Resolve(ReadyStore.ModelName, null).Id.Version);
        var error = Assert.Throws<ModelNotReadyException>(() => models.Resolve(ReadyStore.ModelName, second.Id.Version));
        Assert.Contains("retired", error.Message);
    }

    [Fact]
    public void Should_let_requests_a_version_had_started_finish_on_it_after_its_retirement()
    {
        var held = new ReleasedVersions();
        using var models = Models(held: held);
        var bundle = models.Resolve(ReadyStore.ModelName, 1);

        _store.Serving.GetRequiredService<ModelStore>().Retire(bundle.Id);
        models.Retire(bundle.Id);

        Assert.Contains("retired", Assert.Throws<ModelNotReadyException>(() => models.Resolve(ReadyStore.ModelName, 1)).Message);
        Assert.Contains("retired", Assert.Throws<ModelNotReadyException>(() => models.Bundle(bundle.Id)).Message);
        Assert.Equal(bundle.Id, models.Started(bundle.Id).Id);
        Assert.Empty(held.Versions);
    }

    [Fact]
    public async Task Should_refuse_started_requests_and_free_what_is_held_for_a_retired_version_once_its_grace_is_over()
    {
        var held = new ReleasedVersions();
        using var models = Models(TimeSpan.Zero, held);
        var bundle = models.Resolve(ReadyStore.ModelName, 1);

        _store.Serving.GetRequiredService<ModelStore>().Retire(bundle.Id);
        models.Retire(bundle.Id);

        await Eventually.WaitUntilAsync(() => held.Versions.Contains(bundle.Id), TimeSpan.FromSeconds(30));
        var error = Assert.Throws<ModelNotReadyException>(() => models.Started(bundle.Id));
        Assert.Contains("could finish until", error.Message);
        Assert.Equal([bundle.Id], held.Versions);
    }

    [Fact]
    public async Task Should_free_what_a_restarted_worker_took_up_again_for_a_retired_version_when_its_grace_ends()
    {
        _store.Serving.GetRequiredService<ModelStore>().Retire(new ModelVersionId(ReadyStore.ModelName, 1));
        var held = new ReleasedVersions();
        // This worker never saw the ModelRetired event: it learns of the retirement from the store.
        using var models = Models(TimeSpan.FromSeconds(5), held);

        var started = models.Started(new ModelVersionId(ReadyStore.ModelName, 1));

        Assert.Equal(1, started.Id.Version);
        await Eventually.WaitUntilAsync(() => held.Versions.Contains(started.Id), TimeSpan.FromSeconds(30));
        Assert.Throws<ModelNotReadyException>(() => models.Started(started.Id));
    }

    [Fact]
    public void Should_refuse_a_version_that_is_still_being_indexed()
    {
        using var models = Models();
        var indexing = _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName));

        var error = Assert.Throws<ModelNotReadyException>(() => models.Resolve(ReadyStore.ModelName, indexing.Id.Version));

        Assert.Contains("indexing", error.Message);
        Assert.Contains("indexing", Assert.Throws<ModelNotReadyException>(() => models.Started(indexing.Id)).Message);
        Assert.Equal(1, models.Resolve(ReadyStore.ModelName, null).Id.Version);
    }

    [Fact]
    public async Task Should_switch_the_current_version_only_when_one_is_promoted()
    {
        using var models = Models();
        Assert.Equal(1, models.Resolve(ReadyStore.ModelName, null).Id.Version);
        var second = await BuildSecondVersionAsync();

        Assert.Equal(1, models.Resolve(ReadyStore.ModelName, null).Id.Version);
        await models.PromoteAsync(second.Id, TestContext.Current.CancellationToken);

        Assert.Equal(2, models.Resolve(ReadyStore.ModelName, null).Id.Version);
        Assert.Equal([second.Id], models.Loaded());
    }

    private Task<ModelBundle> BuildSecondVersionAsync() =>
        _store.Serving.GetRequiredService<Vrf.Serving.Indexing.FailureIndexBuilder>().BuildAsync(
            _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName)).Id,
            cancellationToken: TestContext.Current.CancellationToken);

    private ServedModels Models(TimeSpan? grace = null, params IVersionResources[] held) => new(
        _store.Serving.GetRequiredService<ModelStore>(),
        _store.Serving.GetRequiredService<EncoderKinds>(),
        Options.Create(new InferenceOptions()),
        Options.Create(new ServedModelsOptions { PreloadOnPromotion = true }),
        Options.Create(new RetirementOptions { Grace = grace ?? new RetirementOptions().Grace }),
        held,
        NullLogger<ServedModels>.Instance);

    /// <summary>The versions a worker's <see cref="ServedModels"/> told to free what they hold.</summary>
    private sealed class ReleasedVersions : IVersionResources
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<ModelVersionId> _versions = new();

        public IReadOnlyList<ModelVersionId> Versions => [.. _versions];

        public void Release(ModelVersionId version) => _versions.Enqueue(version);
    }
}
