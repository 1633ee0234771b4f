namespace Vrf.Monitoring;

/// <summary>
/// Pearson's chi-squared goodness-of-fit test of a histogram of predicted classes against the frequencies that
/// validation gave, a test of label shift; and the classes most over-represented.
/// </summary>
/// <remarks>
/// The chi-squared approximation needs every cell's expected count to be at least
/// <see cref="MinimumExpected"/> (Cochran's rule), which a window over many classes does not reach. So the classes
/// expected fewer times than that (classes validation never predicted among them) are pooled into one cell, and
/// when that cell's expected count is itself below the minimum it joins the smallest of the other cells (the lowest
/// class index among equals). χ² = Σ (O − E)² / E over the cells, with cells − 1 degrees of freedom, and
/// p = P(χ² ≥ observed) from the regularised upper incomplete gamma function: SciPy's <c>chisquare(O, E)</c> on the
/// pooled cells. With fewer than two cells there is nothing to test: χ² = 0, no degrees of freedom, p = 1.
/// </remarks>
/// <param name="ChiSquared">The statistic over the pooled cells.</param>
/// <param name="DegreesOfFreedom">Cells − 1.</param>
/// <param name="PValue">P(χ² ≥ <paramref name="ChiSquared"/>).</param>
/// <param name="MostOverRepresented">The classes predicted more often than expected, largest residual first (then
/// larger count, then lower index).</param>
public sealed record ClassFrequencyTest(double ChiSquared, int DegreesOfFreedom, double PValue, IReadOnlyList<ClassExcess> MostOverRepresented)
{
    /// <summary>The smallest expected count a cell may have before it is pooled.</summary>
    public const double MinimumExpected = 5;

    /// <summary>
    /// Tests <paramref name="observed"/> (results per class) against <paramref name="validationCounts"/> (validation
    /// images per class, same length), listing at most <paramref name="overRepresented"/> classes.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, a count is negative, or either histogram is empty.</exception>
    public static ClassFrequencyTest Of(IReadOnlyList<int> observed, IReadOnlyList<int> validationCounts, int overRepresented)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(validationCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(overRepresented);
        if (observed.Count != validationCounts.Count)
        {
            throw new ArgumentException(
                $"The histogram has {observed.Count} classes and validation {validationCounts.Count}.", nameof(observed));
        }
        var total = Total(observed, nameof(observed));
        var validationTotal = Total(validationCounts, nameof(validationCounts));
        var expected = new double[observed.Count];
        for (var c = 0; c < expected.Length; c++)
        {
            expected[c] = (double)total * validationCounts[c] / validationTotal;
        }
        var (chiSquared, cells) = PooledChiSquared(observed, expected);
        return cells < 2
            ? new ClassFrequencyTest(0, 0, 1, MostOver(observed, expected, overRepresented))
            : new ClassFrequencyTest(chiSquared, cells - 1, ChiSquaredDistribution.Survival(chiSquared, cells - 1),
                MostOver(observed, expected, overRepresented));
    }

    private static (double ChiSquared, int Cells) PooledChiSquared(IReadOnlyList<int> observed, double[] expected)
    {
        var cellObserved = new List<double>();
        var cellExpected = new List<double>();
        double pooledObserved = 0, pooledExpected = 0;
        var anyPooled = false;
        for (var c = 0; c < expected.Length; c++)
        {
            if (expected[c] >= MinimumExpected)
            {
                cellObserved.Add(observed[c]);
                cellExpected.Add(expected[c]);
            }
            else
            {
                pooledObserved += observed[c];
                pooledExpected += expected[c];
                anyPooled = true;
            }
        }
        if (anyPooled && pooledExpected >= MinimumExpected)
        {
            cellObserved.Add(pooledObserved);
            cellExpected.Add(pooledExpected);
        }
        else if (anyPooled && cellExpected.Count > 0)
        {
            var smallest = cellExpected.IndexOf(cellExpected.Min());
            cellObserved[smallest] += pooledObserved;
            cellExpected[smallest] += pooledExpected;
        }
        var chiSquared = 0.0;
        for (var k = 0; k < cellExpected.Count; k++)
        {
            var gap = cellObserved[k] - cellExpected[k];
            chiSquared += gap * gap / cellExpected[k];
        }
        return (chiSquared, cellExpected.Count);
    }

    private static ClassExcess[] MostOver(IReadOnlyList<int> observed, double[] expected, int count) =>
    [
        .. Enumerable.Range(0, expected.Length)
            .Where(c => observed[c] > expected[c])
            .Select(c => new ClassExcess(c, observed[c], expected[c],
                expected[c] == 0 ? double.PositiveInfinity : (observed[c] - expected[c]) / Math.Sqrt(expected[c])))
            .OrderByDescending(excess => excess.Residual)
            .ThenByDescending(excess => excess.Observed)
            .ThenBy(excess => excess.ClassIndex)
            .Take(count),
    ];

    private static long Total(IReadOnlyList<int> counts, string name)
    {
        long total = 0;
        foreach (var count in counts)
        {
            if (count < 0)
            {
                throw new ArgumentException("A class count cannot be negative.", name);
            }
            total += count;
        }
        if (total == 0)
        {
            throw new ArgumentException("The histogram is empty.", name);
        }
        return total;
    }
}
