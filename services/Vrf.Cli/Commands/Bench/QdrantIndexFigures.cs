using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Qdrant (<see cref="QdrantFailureIndex"/>, as the services use it) on one workload, when <c>QDRANT_URL</c> names a
/// server: the set is uploaded to a collection of its own, the HNSW graph is waited for, then exact and HNSW look-ups
/// are timed at every batch and K, with recall@K against the embedded index's exact neighbours. The collection is
/// deleted afterwards.
/// </summary>
public static class QdrantIndexFigures
{
    private static readonly TimeSpan IndexingPoll = TimeSpan.FromSeconds(1);

    /// <exception cref="RpcException">The server did not answer or refused a call.</exception>
    public static IReadOnlyList<QdrantBenchRow> Measure(string url, IndexWorkload workload, IReadOnlyList<int> batches, IReadOnlyList<int> ks,
        double seconds, Action<string> done, CancellationToken cancellationToken)
    {
        var failures = FailureSetFile.Read(workload.FailureSetPath);
        var model = new ModelVersionId($"bench-index-{workload.Size}", 1);
        using var client = new QdrantClient(new Uri(url));
        var exact = Index(client, url, exactSearch: true);
        var rows = new List<QdrantBenchRow>();
        try
        {
            exact.StoreAsync(model, failures, cancellationToken).GetAwaiter().GetResult();
            WaitUntilIndexed(client, QdrantPoints.CollectionName(new QdrantIndexOptions().CollectionPrefix, model), cancellationToken);
            done($"|V| = {workload.Size:N0}: uploaded to Qdrant");
            using var truth = new FlatFailureSearch(failures);
            foreach (var (search, index) in new[] { ("exact", exact), ("hnsw", Index(client, url, exactSearch: false)) })
            {
                foreach (var k in ks)
                {
                    var nearest = truth.Search(workload.Queries, k, k);
                    var found = index.MeasureAsync(model, workload.Queries, k, k, cancellationToken).GetAwaiter().GetResult();
                    var recall = nearest.Zip(found, (expected, got) =>
                        expected.Nearest.Select(n => n.SampleId).Intersect(got.Nearest.Select(n => n.SampleId)).Count() / (double)k).Average();
                    foreach (var batch in batches)
                    {
                        var queries = workload.Queries.Take(batch).ToList();
                        var throughput = Throughput.Measure(
                            () => index.MeasureAsync(model, queries, k, cancellationToken: cancellationToken).GetAwaiter().GetResult(),
                            batch, seconds, cancellationToken);
                        rows.Add(new QdrantBenchRow(workload.Size, workload.Dimension, batch, k, search, throughput.ItemsPerSecond, recall));
                        done($"|V| = {workload.Size:N0}, batch {batch}, K = {k}: Qdrant {search} {throughput.ItemsPerSecond:0.#} queries/s");
                    }
                }
            }
        }
        catch
        {
            DeleteAfterFailure(exact, model);
            throw;
        }
        exact.DeleteAsync(model, CancellationToken.None).GetAwaiter().GetResult();
        return rows;
    }

    private static QdrantFailureIndex Index(QdrantClient client, string url, bool exactSearch) => new(
        client,
        Options.Create(new FailureIndexOptions { Kind = FailureIndexKind.Qdrant, Qdrant = { Url = url, ExactSearch = exactSearch } }),
        NullLogger<QdrantFailureIndex>.Instance);

    /// <summary>Deletes the collection after a failed measurement when the server still answers; a server that did not
    /// (the usual failure) must not hide the failure that ended the measurement.</summary>
    private static void DeleteAfterFailure(QdrantFailureIndex index, ModelVersionId model)
    {
        try
        {
            index.DeleteAsync(model, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (RpcException)
        {
        }
    }

    /// <summary>Waits until the collection reports green: its HNSW graph is built, so that HNSW look-ups use it.</summary>
    private static void WaitUntilIndexed(QdrantClient client, string collection, CancellationToken cancellationToken)
    {
        while (client.GetCollectionInfoAsync(collection, cancellationToken).GetAwaiter().GetResult().Status != CollectionStatus.Green)
        {
            Task.Delay(IndexingPoll, cancellationToken).GetAwaiter().GetResult();
        }
    }
}
