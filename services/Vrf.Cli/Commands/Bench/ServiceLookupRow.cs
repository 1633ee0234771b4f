using System.Text.Json.Serialization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>One measurement of the failure-index service's look-up path in <c>vrf bench index</c>: single-image
/// look-ups, as many at once as a replica takes from its queue, through the service's look-up batching.</summary>
/// <param name="InFlight">Look-ups at once: the service's <c>FailureIndex:ConcurrentMessageLimit</c> default.</param>
/// <param name="QueriesPerSecond">From the fastest run.</param>
/// <param name="MeanBatch">Look-ups per index query, on average over the timed runs.</param>
/// <param name="SingleQueriesPerSecond">The same index answering one look-up at a time (the batch-1 row), for the gain.</param>
public sealed record ServiceLookupRow(
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("dim")] int Dimension,
    [property: JsonPropertyName("k")] int K,
    [property: JsonPropertyName("in_flight")] int InFlight,
    [property: JsonPropertyName("qps")] double QueriesPerSecond,
    [property: JsonPropertyName("mean_batch")] double MeanBatch,
    [property: JsonPropertyName("single_qps")] double? SingleQueriesPerSecond)
{
    /// <summary>Service rate ÷ one look-up at a time.</summary>
    [JsonPropertyName("gain")]
    public double? Gain => QueriesPerSecond / SingleQueriesPerSecond;
}
