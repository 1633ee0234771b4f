using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>One Qdrant look-up measurement of <c>vrf bench index</c>: exact or HNSW search at one |V|, batch and K.</summary>
/// <param name="Search"><c>exact</c> or <c>hnsw</c>.</param>
/// <param name="QueriesPerSecond">From the fastest run, over gRPC.</param>
/// <param name="Recall">recall@K: the share of the exact K nearest (by the embedded index) that Qdrant returned, over the largest batch.</param>
public sealed record QdrantBenchRow(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("dim")] int Dimension,
    [property: JsonPropertyName("batch")] int Batch,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("search")] string Search,
    [property: JsonPropertyName("qps")] double QueriesPerSecond,
    [property: JsonPropertyName("recall")] double Recall);
