namespace Vrf.Monitoring;

/// <summary>The statistics of one window of results against its version's validation distribution.</summary>
/// <param name="Count">Results in the window.</param>
/// <param name="From">When the oldest result arrived; <c>null</c> for an empty window.</param>
/// <param name="To">When the newest result arrived; <c>null</c> for an empty window.</param>
/// <param name="DistanceCount">Results in the window that carry a distance.</param>
/// <param name="DistanceTail">The share of d above the validation 95th percentile and its binomial test; <c>null</c>
/// without distances.</param>
/// <param name="DistanceDistribution">The Kolmogorov–Smirnov test of d against validation; <c>null</c> without
/// distances.</param>
/// <param name="MeanWeight">The mean ω over the results that carry one; <c>null</c> without any.</param>
/// <param name="Disagreement">The share of results whose zero-shot and fine-tuned top classes differ; <c>null</c> for
/// an empty window.</param>
/// <param name="ClassFrequencies">The predicted-class histogram's test and its most over-represented classes;
/// <c>null</c> for an empty window.</param>
public sealed record WindowStatistics(
    int Count,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int DistanceCount,
    DistanceTailTest? DistanceTail,
    KolmogorovSmirnovTest? DistanceDistribution,
    double? MeanWeight,
    double? Disagreement,
    ClassFrequencyTest? ClassFrequencies)
{
    /// <summary>The p-value of <paramref name="test"/>, when the window holds at least <paramref name="minimumResults"/> results it applies to.</summary>
    public double? PValue(DriftTest test, int minimumResults) => test switch
    {
        DriftTest.DistanceTail when DistanceCount >= minimumResults => DistanceTail?.PValue,
        DriftTest.DistanceDistribution when DistanceCount >= minimumResults => DistanceDistribution?.PValue,
        DriftTest.ClassFrequencies when Count >= minimumResults => ClassFrequencies?.PValue,
        _ => null,
    };
}
