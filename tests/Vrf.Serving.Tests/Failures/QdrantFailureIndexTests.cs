using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Vrf.Method;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Serving.Tests.Failures;

/// <summary>
/// The behaviour suite on Qdrant, when <c>QDRANT_URL</c> points at a live server (its gRPC endpoint); skipped otherwise.
/// Each test works in collections of its own model name and deletes them afterwards.
/// </summary>
public sealed class QdrantFailureIndexTests : FailureIndexBehaviour, IAsyncDisposable
{
    private static readonly string? Url = Environment.GetEnvironmentVariable(QdrantIndexOptions.UrlEnvironmentVariable);

    private readonly string _name = $"suite-{Guid.NewGuid():N}"[..20];
    private readonly List<ModelVersionId> _models = [];
    private QdrantClient? _client;
    private QdrantFailureIndex? _index;

    protected override IFailureIndex CreateIndex() => _index ??= Index(exact: true);

    protected override ModelVersionId NewModel()
    {
        var model = new ModelVersionId(_name, _models.Count + 1);
        _models.Add(model);
        return model;
    }

    [Fact]
    public async Task Approximate_search_finds_most_of_the_exact_nearest_failures()
    {
        var exact = CreateIndex();
        var approximate = Index(exact: false);
        var model = NewModel();
        var failures = RandomFailures(new Random(31), count: 2000, duplicates: 0);
        await exact.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(32), 50);
        using var reference = new ExactFailureIndex(failures.ToMatrix());
        var truth = reference.Nearest(AsMatrix(queries), 10);

        var found = await approximate.MeasureAsync(model, queries, 10, nearestCount: 10, TestContext.Current.CancellationToken);

        var recall = Enumerable.Range(0, queries.Count)
            .Average(q => found[q].Nearest.Select(n => n.SampleId)
                .Intersect(truth[q].Select(n => failures.SampleIds[n.Member])).Count() / 10.0);
        TestContext.Current.TestOutputHelper?.WriteLine($"HNSW recall@10 over {failures.Count} failures: {recall:P1}");
        Assert.True(recall >= 0.9, $"HNSW recall@10 is {recall:P1}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_index is not null)
        {
            foreach (var model in _models)
            {
                await _index.DeleteAsync(model);
            }
        }
        _client?.Dispose();
    }

    private QdrantFailureIndex Index(bool exact)
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            Assert.Skip($"{QdrantIndexOptions.UrlEnvironmentVariable} is not set");
        }
        var options = new FailureIndexOptions { Kind = FailureIndexKind.Qdrant, Qdrant = { Url = Url, ExactSearch = exact } };
        _client ??= new QdrantClient(options.Qdrant.ResolveUrl());
        return new QdrantFailureIndex(_client, Options.Create(options), NullLogger<QdrantFailureIndex>.Instance);
    }
}
