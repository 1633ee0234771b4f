namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>
/// The series a soak judges, from its intervals: each service process's resident memory, open files and threads, each
/// queue's messages, the requests in flight at the client, the p99 latency, and images/s (judged for falling).
/// </summary>
public static class SoakSeriesSet
{
    /// <summary>Resident memory moves by this much (GC budgets, allocator arenas) without leaking.</summary>
    public const double ResidentFloorMiB = 16;

    /// <summary>Open files and threads move by a few with the thread pool and the broker's channels.</summary>
    public const double HandleFloor = 8;

    /// <summary>A p99 latency this much higher at the end than at the start is scheduling noise on a busy machine.</summary>
    public const double LatencyFloorMs = 100;

    /// <summary>Messages waiting grow by this many seconds of traffic (at the soak's rate) before it counts: a backlog
    /// that the services clear within seconds is not one that grows without bound.</summary>
    public const double BacklogFloorSeconds = 5;

    /// <param name="tolerance">Growth over the run allowed, as a fraction of a series' level.</param>
    /// <param name="rate">The soak's requests per second.</param>
    public static IReadOnlyList<SoakSeries> From(IReadOnlyList<SoakInterval> intervals, double tolerance, double rate)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var series = new List<SoakSeries>();
        var backlogFloor = BacklogFloorSeconds * rate;
        foreach (var process in intervals.SelectMany(interval => interval.Processes.Keys).Distinct())
        {
            ProcessResources? At(SoakInterval interval) => interval.Processes.GetValueOrDefault(process);
            series.Add(new SoakSeries($"{process} resident MiB", [.. intervals.Select(i => At(i)?.ResidentMiB ?? 0)], tolerance, ResidentFloorMiB));
            series.Add(new SoakSeries($"{process} open files", [.. intervals.Select(i => (double)(At(i)?.OpenFiles ?? 0))], tolerance, HandleFloor));
            series.Add(new SoakSeries($"{process} threads", [.. intervals.Select(i => (double)(At(i)?.Threads ?? 0))], tolerance, HandleFloor));
        }
        var counted = intervals.Where(interval => interval.Queues is not null).ToList();
        foreach (var queue in counted.SelectMany(interval => interval.Queues!.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            series.Add(new SoakSeries($"queue {queue}", [.. counted.Select(i => (double)i.Queues!.GetValueOrDefault(queue))], tolerance, backlogFloor));
        }
        series.Add(new SoakSeries("requests in flight", [.. intervals.Select(i => (double)i.InFlight)], tolerance, backlogFloor));
        series.Add(new SoakSeries("p99 ms", [.. intervals.Select(i => double.IsNaN(i.P99Ms) ? 0 : i.P99Ms)], tolerance, LatencyFloorMs));
        series.Add(new SoakSeries("images/s", [.. intervals.Select(i => i.ImagesPerS)], tolerance, Floor: 0, FallingIsWorse: true));
        return series;
    }
}
