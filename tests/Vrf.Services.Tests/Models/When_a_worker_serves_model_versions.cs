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
    public void Should_refuse_a_version_that_is_still_being_indexed()
    {
        using var models = Models();
        var indexing = _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName));

        var error = Assert.Throws<ModelNotReadyException>(() => models.Resolve(ReadyStore.ModelName, indexing.Id.Version));

        Assert.Contains("indexing", error.Message);
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

    private ServedModels Models() => new(
        _store.Serving.GetRequiredService<ModelStore>(),
        _store.Serving.GetRequiredService<EncoderKinds>(),
        Options.Create(new InferenceOptions()),
        Options.Create(new ServedModelsOptions { PreloadOnPromotion = true }),
        NullLogger<ServedModels>.Instance);
}
