namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// The soak's leak test: a least-squares line through the second half of a series (the first half is warm-up: caches,
/// the thread pool and the GC's budgets settle there), its slope projected over the whole run. A series trends when
/// that projection in the bad direction exceeds both its tolerance and its floor, and the slope is significant against
/// the residual noise (one-sided Student t test at 99 %), so neither a tiny steady creep nor one noisy minute fails a run.
/// </summary>
public static class TrendTest
{
    /// <summary>Fewest points for a fit that leaves residual noise to judge the slope against.</summary>
    public const int MinimumPoints = 3;

    /// <summary>One-sided 99 % quantiles of Student's t for 1 to 30 degrees of freedom; the last serves above 30 (it is
    /// larger than the true quantile there, so the test stays at least as strict about significance).</summary>
    private static readonly double[] CriticalT99 =
    [
        31.821, 6.965, 4.541, 3.747, 3.365, 3.143, 2.998, 2.896, 2.821, 2.764,
        2.718, 2.681, 2.650, 2.624, 2.602, 2.583, 2.567, 2.552, 2.539, 2.528,
        2.518, 2.508, 2.500, 2.492, 2.485, 2.479, 2.473, 2.467, 2.462, 2.457,
    ];

    public static TrendVerdict Judge(SoakSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var values = series.Values;
        var first = values.Count / 2;
        var points = values.Count - first;
        var half = values.Skip(first).ToArray();
        var mean = half.Length == 0 ? double.NaN : half.Average();
        if (points < MinimumPoints)
        {
            return new TrendVerdict(series.Name, points, mean, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, Judged: false);
        }
        var xMean = (points - 1) / 2.0;
        var sxx = 0.0;
        var sxy = 0.0;
        for (var i = 0; i < points; i++)
        {
            sxx += (i - xMean) * (i - xMean);
            sxy += (i - xMean) * (half[i] - mean);
        }
        var slope = sxy / sxx;
        var residuals = half.Select((y, i) => y - (mean + slope * (i - xMean))).Sum(r => r * r);
        var degrees = points - 2;
        var standardError = Math.Sqrt(residuals / degrees / sxx);
        var sign = series.FallingIsWorse ? -1 : 1;
        var t = sign * slope / standardError;
        if (double.IsNaN(t))
        {
            t = 0;
        }
        var allowed = Math.Max(series.RelativeTolerance * Math.Abs(mean), series.Floor);
        return new TrendVerdict(series.Name, points, mean, slope, sign * slope * values.Count, allowed, t,
            CriticalT99[Math.Min(degrees, CriticalT99.Length) - 1], Judged: true);
    }
}
