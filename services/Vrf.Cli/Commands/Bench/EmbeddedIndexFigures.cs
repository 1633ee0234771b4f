using Microsoft.Extensions.Logging.Abstractions;
using Vrf.Serving.Failures;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// The embedded failure index (the services' <see cref="EmbeddedFailureIndex"/>) on one workload. A first index loads
/// the stored set, answers a batch of each size once and is disposed, so that what a process pays once (code compiled
/// on first use, the garbage collector's bookkeeping for its first large regions, the search's scratch memory) is not
/// counted as the set's. A second, fresh index then loads the set (the build: read, checked, ‖v‖² computed), as a
/// replica loads each version; then K-th-distance look-ups are timed at every batch size and K, and the K-th distances
/// of all the queries (the largest batch) are kept for the comparison with faiss.
/// </summary>
/// <param name="BuildMilliseconds">From the stored file to an index ready to answer, as a replica loads a version.</param>
/// <param name="BytesPerVector">
/// The growth of resident memory over that load (each reading after an aggressive garbage collection) ÷ |V|.
/// </param>
/// <param name="QueriesPerSecond">Look-up rate by (batch, K), from the fastest run.</param>
/// <param name="KthDistances">d of every query by K.</param>
public sealed record EmbeddedIndexFigures(
    double BuildMilliseconds, double? BytesPerVector, IReadOnlyDictionary<(int Batch, int K), double> QueriesPerSecond,
    IReadOnlyDictionary<int, double[]> KthDistances)
{
    public static EmbeddedIndexFigures Measure(IndexWorkload workload, IReadOnlyList<int> batches, IReadOnlyList<int> ks, double seconds,
        Action<string> done, CancellationToken cancellationToken)
    {
        using (var first = new EmbeddedFailureIndex(workload.Store, NullLogger<EmbeddedFailureIndex>.Instance))
        {
            foreach (var batch in batches)
            {
                first.MeasureAsync(workload.Model, workload.Queries.Take(batch).ToList(), ks.Max(), 1, cancellationToken).GetAwaiter().GetResult();
            }
        }
        using var index = new EmbeddedFailureIndex(workload.Store, NullLogger<EmbeddedFailureIndex>.Instance);
        var before = SettledResidentBytes();
        var load = System.Diagnostics.Stopwatch.StartNew();
        index.MeasureAsync(workload.Model, [], 1, cancellationToken: cancellationToken).GetAwaiter().GetResult();
        var buildMilliseconds = load.Elapsed.TotalMilliseconds;
        var bytesPerVector = (double?)(SettledResidentBytes() - before) / workload.Size;
        done($"|V| = {workload.Size:N0}: embedded index loaded in {buildMilliseconds:0} ms");

        var rates = new Dictionary<(int, int), double>();
        var distances = new Dictionary<int, double[]>();
        foreach (var batch in batches.Append(workload.Queries.Count).Distinct())
        {
            var queries = workload.Queries.Take(batch).ToList();
            foreach (var k in ks)
            {
                void LookUp()
                {
                    var answers = index.MeasureAsync(workload.Model, queries, k, cancellationToken: cancellationToken).GetAwaiter().GetResult();
                    if (queries.Count == workload.Queries.Count)
                    {
                        distances[k] = [.. answers.Select(answer => answer.Distance)];
                    }
                }
                if (!batches.Contains(batch))
                {
                    LookUp();
                    continue;
                }
                var throughput = Throughput.Measure(LookUp, batch, seconds, cancellationToken);
                rates[(batch, k)] = throughput.ItemsPerSecond;
                done($"|V| = {workload.Size:N0}, batch {batch}, K = {k}: embedded {throughput.ItemsPerSecond:0.#} queries/s");
            }
        }
        return new EmbeddedIndexFigures(buildMilliseconds, bytesPerVector, rates, distances);
    }

    /// <summary>
    /// Resident bytes after an aggressive garbage collection, which hands the memory of dead objects back to the system:
    /// only memory still held counts, and the set's array cannot hide in pages freed earlier (by the workload's writing).
    /// </summary>
    private static long? SettledResidentBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return ResidentMemory.Bytes();
    }
}
