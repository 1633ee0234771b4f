using Microsoft.Extensions.Logging.Abstractions;
using Vrf.Method;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Failures;

/// <summary>The behaviour suite on the embedded exact index, over version folders of a temporary store.</summary>
public sealed class EmbeddedFailureIndexTests : FailureIndexBehaviour, IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly ModelStore _store;
    private readonly EmbeddedFailureIndex _index;

    public EmbeddedFailureIndexTests()
    {
        _store = new ModelStore(_folder.Path);
        _index = new EmbeddedFailureIndex(_store, NullLogger<EmbeddedFailureIndex>.Instance);
    }

    protected override IFailureIndex CreateIndex() => _index;

    /// <summary>A version with a manifest of its own (one that records no file digests, so the sets the tests store
    /// are read back unchecked).</summary>
    protected override ModelVersionId NewModel() =>
        _store.CreateVersion("suite", (id, _) => new ModelManifest
        {
            Name = id.Name,
            Version = id.Version,
            Status = ModelStatus.Indexing,
            CreatedAt = DateTimeOffset.UtcNow,
            ClassNames = ["a", "b"],
            EmbeddingDim = 2,
            Templates = [],
            Files = BundleFiles.Standard,
            Sources = new ModelSources("/models/zero-shot", "/models/fine-tuned", null, "/data/classes.txt", null),
            Datasets = new DatasetSources(new DatasetSource("/data/train", 2), null),
            KSelection = KSelection.Of(KRule.Explicit, 1),
        }).Id;

    [Fact]
    public async Task A_stored_set_is_read_back_from_the_bundle_by_a_fresh_index()
    {
        var model = NewModel();
        var failures = RandomFailures(new Random(21), count: 9, duplicates: 1);
        await _index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(22), 4);
        using var fresh = new EmbeddedFailureIndex(_store, NullLogger<EmbeddedFailureIndex>.Instance);

        var fromFresh = await fresh.MeasureAsync(model, queries, 3, 2, TestContext.Current.CancellationToken);
        var fromFirst = await _index.MeasureAsync(model, queries, 3, 2, TestContext.Current.CancellationToken);

        Assert.Equal(fromFirst.Select(d => d.Distance), fromFresh.Select(d => d.Distance), (x, y) => Math.Abs(x - y) <= 1e-12);
        Assert.True(FailureSetFile.Read(Path.Combine(_store.VersionFolder(model), BundleFiles.FailureSetFileName)).SameAs(failures));
    }

    [Fact]
    public async Task A_version_the_store_does_not_have_cannot_receive_a_set()
    {
        await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            _index.StoreAsync(new ModelVersionId("absent", 1), RandomFailures(new Random(23), 2, 0), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_queries_all_get_the_exact_answer()
    {
        var model = NewModel();
        var failures = RandomFailures(new Random(24), count: 50, duplicates: 5);
        await _index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(25), 8);
        var expected = (await _index.MeasureAsync(model, queries, 4, cancellationToken: TestContext.Current.CancellationToken)).Select(d => d.Distance).ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            _index.MeasureAsync(model, queries, 4, cancellationToken: TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        Assert.All(answers, answer => Assert.Equal(expected, answer.Select(d => d.Distance), (x, y) => Math.Abs(x - y) <= 1e-12));
    }

    public void Dispose()
    {
        _index.Dispose();
        _folder.Dispose();
    }
}
