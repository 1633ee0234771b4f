namespace Vrf.Monitoring;

/// <summary>
/// How many distances lie above the validation 95th percentile, and the one-sided exact binomial test of that share
/// against the 5 % expected in distribution: p = P(X ≥ k) for X ~ B(n, 0.05), SciPy's
/// <c>binomtest(k, n, 0.05, alternative='greater').pvalue</c>.
/// </summary>
/// <param name="Threshold">The validation 95th percentile the distances were compared with.</param>
/// <param name="Above">k, the distances strictly above <paramref name="Threshold"/>.</param>
/// <param name="Count">n, the distances tested.</param>
/// <param name="PValue">P(X ≥ k) under the in-distribution share of 5 %.</param>
public sealed record DistanceTailTest(double Threshold, int Above, int Count, double PValue)
{
    /// <summary>The share of validation distances expected above the threshold: 5 %.</summary>
    public const double ExpectedShare = 0.05;

    /// <summary>k / n, the share of distances above the validation 95th percentile.</summary>
    public double Share => (double)Above / Count;

    /// <summary>Tests <paramref name="distances"/> (any order, none NaN) against <paramref name="threshold"/>.</summary>
    /// <exception cref="ArgumentException">No distances, or a NaN among them or as the threshold.</exception>
    public static DistanceTailTest Of(ReadOnlySpan<double> distances, double threshold)
    {
        if (distances.IsEmpty)
        {
            throw new ArgumentException("The share above a threshold needs at least one distance.", nameof(distances));
        }
        if (double.IsNaN(threshold))
        {
            throw new ArgumentException("The threshold cannot be NaN.", nameof(threshold));
        }
        var above = 0;
        foreach (var distance in distances)
        {
            if (double.IsNaN(distance))
            {
                throw new ArgumentException("A distance cannot be NaN.", nameof(distances));
            }
            if (distance > threshold)
            {
                above++;
            }
        }
        var pValue = new BinomialDistribution(distances.Length, ExpectedShare).AtLeast(above);
        return new DistanceTailTest(threshold, above, distances.Length, pValue);
    }
}
