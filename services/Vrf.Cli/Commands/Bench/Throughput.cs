using System.Diagnostics;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// How fast a repeated piece of work runs: one untimed warm-up run, then runs timed one by one until both the least
/// time and the least number of runs are reached. The rate is that of the fastest run: other programs on a shared
/// machine only ever slow a run down, so the fastest is the least disturbed. The PyTorch peer measures the same way.
/// </summary>
/// <param name="Runs">Timed runs.</param>
/// <param name="TotalSeconds">Their time together.</param>
/// <param name="FastestSeconds">The fastest run's time.</param>
/// <param name="MedianSeconds">The median run's time, to show how much the runs were disturbed.</param>
/// <param name="ItemsPerRun">Images, prompts or products per run.</param>
public sealed record Throughput(int Runs, double TotalSeconds, double FastestSeconds, double MedianSeconds, int ItemsPerRun)
{
    public const int MinimumRuns = 3;

    public double ItemsPerSecond => ItemsPerRun / FastestSeconds;

    public double MedianItemsPerSecond => ItemsPerRun / MedianSeconds;

    /// <param name="run">One run; it must not return before its work is done (synchronise an accelerator inside).</param>
    /// <param name="cancellationToken">Checked before every run.</param>
    public static Throughput Measure(Action run, int itemsPerRun, double minimumSeconds, CancellationToken cancellationToken = default)
    {
        run();
        var seconds = new List<double>();
        var total = Stopwatch.StartNew();
        while (seconds.Count < MinimumRuns || total.Elapsed.TotalSeconds < minimumSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            run();
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        seconds.Sort();
        var middle = seconds.Count / 2;
        var median = seconds.Count % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
        return new Throughput(seconds.Count, total.Elapsed.TotalSeconds, seconds[0], median, itemsPerRun);
    }
}
