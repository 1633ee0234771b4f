namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>What one load run measured: throughput over the run and the latency of each image from its send time.</summary>
/// <param name="Images">Images classified (failed ones included).</param>
/// <param name="Failed">Images answered with a failure or not answered in time.</param>
public sealed record LoadFigures(int Images, int Failed, double ImagesPerSecond, double P50Ms, double P95Ms, double P99Ms)
{
    public static LoadFigures From(IReadOnlyList<double> latenciesMs, int failed, TimeSpan elapsed)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LoadFigures(sorted.Length, failed, sorted.Length / elapsed.TotalSeconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99));
    }

    /// <summary>The nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
