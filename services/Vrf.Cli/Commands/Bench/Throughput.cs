using System.Diagnostics;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// How fast a repeated piece of work runs: one untimed warm-up run, then runs until both the least time and the least
/// number of runs are reached; the rate is items over the whole timed span (as the PyTorch peer measures it).
/// </summary>
public sealed record Throughput(int Runs, double Seconds, int ItemsPerRun)
{
    public const int MinimumRuns = 3;

    public double ItemsPerSecond => Runs * ItemsPerRun / Seconds;

    /// <param name="run">One run; it must not return before its work is done (synchronise an accelerator inside).</param>
    public static Throughput Measure(Action run, int itemsPerRun, double minimumSeconds)
    {
        run();
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (runs < MinimumRuns || clock.Elapsed.TotalSeconds < minimumSeconds)
        {
            run();
            runs++;
        }
        return new Throughput(runs, clock.Elapsed.TotalSeconds, itemsPerRun);
    }
}
