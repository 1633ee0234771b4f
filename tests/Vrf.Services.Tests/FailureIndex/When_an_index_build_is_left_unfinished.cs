using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.FailureIndex;

/// <summary>
/// What a failure-index replica that dies mid-build leaves in the store: the version indexing, its build asked for,
/// and no claim on it (the operating system freed the dead replica's lock). A failure-index service that starts, or
/// that looks again while it runs, takes the build and promotes the version without any new message; while another
/// replica holds the claim, it keeps its hands off.
/// </summary>
public sealed class When_an_index_build_is_left_unfinished : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> QuickScans = new() { ["IndexBuilds:ScanInterval"] = "00:00:00.2" };

    private readonly ReadyStore _store = new();
    private InMemoryPipeline? _pipeline;

    public async ValueTask InitializeAsync() => await _store.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
        await _store.DisposeAsync();
    }

    private ModelStore Store => _store.Serving.GetRequiredService<ModelStore>();

    [Fact]
    public async Task Should_build_and_promote_it_when_the_service_starts()
    {
        var left = LeftMidBuild();

        _pipeline = await InMemoryPipeline.StartAsync(_store.Root, QuickScans, services: [ServiceCatalog.FailureIndex]);

        Assert.True(await _pipeline.Harness.Published.Any<ModelPromoted>(
            promoted => promoted.Context.Message.Version == left.Version, TestContext.Current.CancellationToken), "the version was never promoted");
        Assert.Equal(ModelStatus.Ready, Store.Get(left).Status);
        // The builder ends the request just after it announced the promotion.
        await Eventually.WaitUntilAsync(() => new IndexBuildRequests(Store).Waiting().Count == 0, TimeSpan.FromMinutes(1));
        Assert.Empty(_pipeline.PublishedSoFar<ModelIndexingFailed>());
    }

    [Fact]
    public async Task Should_leave_it_to_the_replica_that_holds_its_claim_and_take_it_once_that_one_is_gone()
    {
        var left = LeftMidBuild();
        var held = new IndexBuildRequests(Store).TryClaim(left);
        Assert.NotNull(held);

        _pipeline = await InMemoryPipeline.StartAsync(_store.Root, QuickScans, services: [ServiceCatalog.FailureIndex]);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Equal(ModelStatus.Indexing, Store.Get(left).Status);
        Assert.Empty(_pipeline.PublishedSoFar<ModelIndexingProgressed>());
        held.Dispose();
        Assert.True(await _pipeline.Harness.Published.Any<ModelPromoted>(
            promoted => promoted.Context.Message.Version == left.Version, TestContext.Current.CancellationToken), "the version was never promoted");
        Assert.Equal(ModelStatus.Ready, Store.Get(left).Status);
    }

    [Fact]
    public async Task Should_take_a_request_for_it_at_once_and_build_it_apart_from_the_message()
    {
        _pipeline = await InMemoryPipeline.StartAsync(_store.Root, QuickScans, services: [ServiceCatalog.FailureIndex]);
        var imported = _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName));

        await _pipeline.Harness.Bus.Publish(new ModelImported(ReadyStore.ModelName, imported.Id.Version, "tiny/2"), TestContext.Current.CancellationToken);

        Assert.True(await _pipeline.Harness.Published.Any<ModelPromoted>(
            promoted => promoted.Context.Message.Version == imported.Id.Version, TestContext.Current.CancellationToken), "the version was never promoted");
        var consumed = Assert.Single(_pipeline.Harness.Consumed.Select<ModelImported>(TestContext.Current.CancellationToken));
        var promoted = _pipeline.Harness.Published.Select<ModelPromoted>(TestContext.Current.CancellationToken)
            .Single(message => message.Context.Message.Version == imported.Id.Version);
        var acknowledged = consumed.StartTime + consumed.ElapsedTime;
        Assert.True(acknowledged <= promoted.StartTime,
            $"the request was done with at {acknowledged:HH:mm:ss.fff}, after the build's promotion at {promoted.StartTime:HH:mm:ss.fff}");
    }

    /// <summary>A new version in the state a replica that died mid-build leaves it in.</summary>
    private ModelVersionId LeftMidBuild()
    {
        var imported = _store.Serving.GetRequiredService<ModelImporter>().Import(_store.Workspace.Request(ReadyStore.ModelName));
        Assert.Equal(ModelStatus.Indexing, imported.Status);
        new IndexBuildRequests(Store).Record(imported.Id);
        return imported.Id;
    }
}
