using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>One look-up measurement of <c>vrf bench index</c>: the embedded index and faiss at one |V|, batch and K.</summary>
/// <param name="Size">|V|.</param>
/// <param name="QueriesPerSecond">The embedded index's rate, from its fastest run.</param>
/// <param name="FaissQueriesPerSecond">faiss <c>IndexFlatL2</c>'s rate, or null without the peer.</param>
/// <param name="Ratio">Embedded ÷ faiss.</param>
/// <param name="MaxAbsoluteDistanceError">max |d − d_faiss| over the queries of the largest batch, at this K.</param>
/// <param name="BytesPerVector">The embedded index's resident-memory growth on loading the set ÷ |V|.</param>
/// <param name="FaissBytesPerVector">faiss's resident-memory growth over <c>add()</c> ÷ |V|.</param>
/// <param name="BuildMilliseconds">The embedded index's load, from the stored file to ready.</param>
public sealed record IndexBenchRow(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("dim")] int Dimension,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("qps")] double QueriesPerSecond,
    [property: JsonPropertyName("faiss_qps")] double? FaissQueriesPerSecond,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("max_abs_d_error")] double? MaxAbsoluteDistanceError,
    [property: JsonPropertyName("bytes_per_vector")] double? BytesPerVector,
    [property: JsonPropertyName("faiss_bytes_per_vector")] double? FaissBytesPerVector,
    [property: JsonPropertyName("build_ms")] double BuildMilliseconds)
{
    /// <summary>The rows of one workload: every (batch, K) the embedded index was timed at, beside faiss's figures when there are any.</summary>
    public static IEnumerable<IndexBenchRow> For(IndexWorkload workload, EmbeddedIndexFigures embedded, FaissFigures? faiss) =>
        embedded.QueriesPerSecond.Select(rate =>
        {
            var ((batch, k), qps) = rate;
            var faissQps = faiss?.QueriesPerSecond(batch, k);
            return new IndexBenchRow(workload.Size, workload.Dimension, batch, k, qps, faissQps, qps / faissQps,
                MaxDifference(embedded.KthDistances[k], faiss?.Distances(k)), embedded.BytesPerVector, faiss?.BytesPerVector,
                embedded.BuildMilliseconds);
        });

    private static double? MaxDifference(double[] ours, double[]? theirs) =>
        theirs is null || theirs.Length != ours.Length ? null : ours.Zip(theirs, (x, y) => Math.Abs(x - y)).Max();
}
