using System.Globalization;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>Prints the soak as it runs, an unwrapped line per interval, then the verdict with every series that trends.</summary>
public sealed class SoakTable(Terminal terminal)
{
    private static readonly string[] StageQueues = ["embedding", "failure-index", "scorer"];

    public void WriteHeader(IEnumerable<string> processes) =>
        terminal.WriteLine(Invariant($"{"min",5} {"img/s",7} {"p99 ms",7} {"failed",6} {"waiting",7}  ") +
            string.Join("  ", processes.Select(process => $"{process + " MiB/fd/thr",-26}")) +
            "  queues (" + string.Join(", ", StageQueues) + ", other)");

    public void WriteRow(SoakInterval interval) =>
        terminal.WriteLine(Invariant($"{interval.Minute,5:0.0} {interval.ImagesPerS,7:0.0} {interval.P99Ms,7:0} {interval.Failed,6} {interval.InFlight,7}  ") +
            string.Join("  ", interval.Processes.Values.Select(Resources)) + "  " + Queues(interval.Queues));

    public void WriteVerdict(SoakVerdict verdict, double rate, int intervals)
    {
        terminal.WriteLine("");
        terminal.WriteLine(Invariant($"{intervals} interval(s) at {rate:0.0} images/s; slope test over the second half:"));
        foreach (var trend in verdict.Trends.Where(trend => trend.Trending))
        {
            terminal.WriteLine($"  {trend}");
        }
        if (verdict.Trends.Count(trend => !trend.Judged) is > 0 and var unjudged)
        {
            terminal.WriteLine(Invariant($"  {unjudged} series not judged: the second half needs {TrendTest.MinimumPoints} intervals at least"));
        }
        terminal.WriteLine(Invariant($"  {verdict.Trends.Count(trend => trend.Judged && !trend.Trending)} of {verdict.Trends.Count} series flat"));
        if (verdict.Failed > 0)
        {
            terminal.WriteLine(Invariant($"  {verdict.Failed} request(s) failed or timed out"));
        }
        if (verdict.Exited.Count > 0)
        {
            terminal.WriteLine($"  exited: {string.Join(", ", verdict.Exited)}");
        }
        terminal.WriteLine(verdict.Passed ? "PASSED" : verdict.Interrupted ? "INTERRUPTED" : "FAILED" +
            (verdict.Trending.Count > 0 ? $": trending {string.Join(", ", verdict.Trending)}" : ""));
    }

    private static string Resources(ProcessResources? resources) =>
        $"{(resources is null ? "gone" : Invariant($"{resources.ResidentMiB:0.0} / {resources.OpenFiles} / {resources.Threads}")),-26}";

    private static string Queues(IReadOnlyDictionary<string, long>? queues) => queues is null
        ? "?"
        : string.Join(" ", StageQueues.Select(queue => queues.GetValueOrDefault(queue).ToString(CultureInfo.InvariantCulture))) + " " +
          queues.Where(queue => !StageQueues.Contains(queue.Key)).Sum(queue => queue.Value).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
