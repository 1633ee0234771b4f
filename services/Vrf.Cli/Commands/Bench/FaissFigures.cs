using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>The JSON line <c>benchmarks/index_peer.py</c> prints: faiss <c>IndexFlatL2</c>'s figures on one workload.</summary>
/// <param name="Faiss">faiss's version.</param>
/// <param name="Threads">The OpenMP threads faiss ran with.</param>
/// <param name="BuildMilliseconds">The time of <c>add()</c>.</param>
/// <param name="BytesPerVector">The growth of resident memory over <c>add()</c> ÷ |V|.</param>
/// <param name="Results">Look-up rates.</param>
/// <param name="KthDistances">d of every query by K (as text: JSON keys).</param>
public sealed record FaissFigures(
    [property: JsonPropertyName("faiss")] string Faiss,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("build_ms")] double BuildMilliseconds,
    [property: JsonPropertyName("bytes_per_vector")] double BytesPerVector,
    [property: JsonPropertyName("results")] IReadOnlyList<FaissRate> Results,
    [property: JsonPropertyName("kth")] IReadOnlyDictionary<string, double[]> KthDistances)
{
    public double? QueriesPerSecond(int batch, int k) => Results.FirstOrDefault(r => r.Batch == batch && r.K == k)?.QueriesPerSecond;

    public double[]? Distances(int k) => KthDistances.GetValueOrDefault(k.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>faiss's look-up rate at one batch size and K.</summary>
public sealed record FaissRate(
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("qps")] double QueriesPerSecond);
