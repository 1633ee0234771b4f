namespace Vrf.Monitoring;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, two-sided: D = sup |F₁(t) − F₂(t)| over the two empirical distribution
/// functions, and its exact p-value P(D ≥ d) under the hypothesis that both samples come from one continuous
/// distribution. This is what SciPy's <c>ks_2samp(…, method='auto')</c> computes whenever both samples hold at most
/// 10,000 values (there 'auto' means 'exact'); <see cref="MaxSampleSize"/> keeps every use in that range.
/// </summary>
/// <param name="Statistic">D, in [0, 1].</param>
/// <param name="PValue">P(D ≥ Statistic), in [0, 1].</param>
/// <param name="FirstCount">n₁, the size of the first sample.</param>
/// <param name="SecondCount">n₂, the size of the second sample.</param>
public sealed record KolmogorovSmirnovTest(double Statistic, double PValue, int FirstCount, int SecondCount)
{
    /// <summary>The largest sample either side may have: the size up to which SciPy's 'auto' method is exact.</summary>
    public const int MaxSampleSize = 10_000;

    /// <summary>
    /// Compares two samples, each sorted ascending, without NaN (+∞ is allowed and compares equal to itself). Tied
    /// values are handled as SciPy does: D is measured between right-continuous step functions, and the p-value is
    /// still the continuous-case one (conservative when there are ties).
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty, larger than <see cref="MaxSampleSize"/>, not sorted, or holds NaN.</exception>
    public static KolmogorovSmirnovTest Compare(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        RequireSortedSample(first, nameof(first));
        RequireSortedSample(second, nameof(second));
        var gap = LatticeGap(first, second);
        return FromLatticeGap(first.Length, second.Length, gap, ExitProbability(first.Length, second.Length, gap));
    }

    /// <summary>
    /// h = D·lcm(n₁, n₂), a whole number: the statistic on the lattice where the exact p-value is computed. Samples as
    /// for <see cref="Compare"/>, not checked again.
    /// </summary>
    internal static long LatticeGap(ReadOnlySpan<double> first, ReadOnlySpan<double> second) =>
        LargestGap(first, second) / GreatestCommonDivisor(first.Length, second.Length);

    /// <summary>P(D ≥ h / lcm(n₁, n₂)) for samples of <paramref name="n1"/> and <paramref name="n2"/> values.</summary>
    internal static double ExitProbability(int n1, int n2, long gap) =>
        gap == 0 ? 1.0 : LatticePathExitProbability(n1, n2, GreatestCommonDivisor(n1, n2), gap);

    internal static KolmogorovSmirnovTest FromLatticeGap(int n1, int n2, long gap, double pValue) =>
        new((double)gap / ((long)(n1 / GreatestCommonDivisor(n1, n2)) * n2), pValue, n1, n2);

    /// <summary>max over t of |c₁(t)·n₂ − c₂(t)·n₁|, where cᵢ(t) counts sample i's values ≤ t: n₁·n₂·D, exactly.</summary>
    private static long LargestGap(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        long largest = 0;
        int i = 0, j = 0;
        while (i < first.Length || j < second.Length)
        {
            var t = i == first.Length ? second[j]
                : j == second.Length ? first[i]
                : Math.Min(first[i], second[j]);
            while (i < first.Length && first[i] <= t)
            {
                i++;
            }
            while (j < second.Length && second[j] <= t)
            {
                j++;
            }
            largest = Math.Max(largest, Math.Abs((long)i * second.Length - (long)j * first.Length));
        }
        return largest;
    }

    /// <summary>
    /// The share of the C(n₁ + n₂, n₁) equally likely monotone lattice paths from (0, 0) to (n₁, n₂) that touch a
    /// point (i, j) with |i·n₂/g − j·n₁/g| ≥ h, which is P(D ≥ h / lcm). Hodges' "inside" recursion rewritten for the
    /// exit probability itself (Viehmann 2021): a path to (i, j) arrives from (i − 1, j) with probability i / (i + j)
    /// and from (i, j − 1) with probability j / (i + j), so E(i, j) = (i·E(i − 1, j) + j·E(i, j − 1)) / (i + j) inside
    /// the band and 1 on or beyond its edges. Every value lies in [0, 1]: nothing overflows, and small p-values keep
    /// their relative precision. Only the band is visited, row by row, over columns of the smaller sample (the
    /// probability is the same with the roles swapped).
    /// </summary>
    private static double LatticePathExitProbability(int n1, int n2, int gcd, long h)
    {
        if (n2 > n1)
        {
            (n1, n2) = (n2, n1);
        }
        long rowStep = n2 / gcd;
        long columnStep = n1 / gcd;
        var previous = new double[n2 + 1];
        var current = new double[n2 + 1];
        // Row 0: the inside points are j·n₁/g < h, reached along the axis without touching an edge.
        var previousLast = (int)Math.Min(n2, CeilingDivide(h, columnStep) - 1);
        var previousFirst = 0;
        Array.Clear(previous, 0, previousLast + 1);
        for (var i = 1; i <= n1; i++)
        {
            // Inside: (i·n₂/g − h) / (n₁/g) < j < (i·n₂/g + h) / (n₁/g).
            var first = (int)Math.Max(0, FloorDivide(i * rowStep - h, columnStep) + 1);
            var last = (int)Math.Min(n2, CeilingDivide(i * rowStep + h, columnStep) - 1);
            if (first > last)
            {
                return 1;
            }
            var left = 1.0;
            for (var j = first; j <= last; j++)
            {
                var below = j >= previousFirst && j <= previousLast ? previous[j] : 1.0;
                left = (i * below + j * left) / (i + j);
                current[j] = left;
            }
            (previous, current) = (current, previous);
            (previousFirst, previousLast) = (first, last);
        }
        return Math.Clamp(previous[n2], 0, 1);
    }

    private static void RequireSortedSample(ReadOnlySpan<double> sample, string name)
    {
        if (sample.IsEmpty || sample.Length > MaxSampleSize)
        {
            throw new ArgumentException($"A sample must hold from 1 to {MaxSampleSize} values; this one holds {sample.Length}.", name);
        }
        for (var k = 0; k < sample.Length; k++)
        {
            if (double.IsNaN(sample[k]) || (k > 0 && sample[k] < sample[k - 1]))
            {
                throw new ArgumentException($"The sample must be sorted ascending and hold no NaN (value {k} is {sample[k]}).", name);
            }
        }
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }

    private static long FloorDivide(long numerator, long denominator) =>
        numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator);

    private static long CeilingDivide(long numerator, long denominator) => -FloorDivide(-numerator, denominator);
}
