namespace Vrf.Monitoring.Tests.Window;

/// <summary>Streams of simulated traffic through a real <see cref="DriftWindow"/>, re-tested after every result as the monitor does.</summary>
public static class AlarmSimulation
{
    /// <summary>How many alarms <paramref name="windows"/> windows' worth of in-distribution results raise (after an
    /// alarm the stream goes on, so a second needs the first to clear).</summary>
    public static int FalseAlarms(int seed, int windows, DriftWindowOptions options, bool fresh, int validationImages = 1000)
    {
        var traffic = new SimulatedTraffic(seed, validationImages);
        var window = new DriftWindow(traffic.Validation, options, new ManualClock());
        var alarms = 0;
        for (var i = 0; i < windows * options.Capacity; i++)
        {
            if (window.Add(fresh ? traffic.FreshInDistribution() : traffic.InDistribution()) is { Change: DriftAlarmChange.Detected })
            {
                alarms++;
            }
        }
        return alarms;
    }

    /// <summary>
    /// A full window of in-distribution results, then shifted ones until the alarm is raised (at most
    /// <paramref name="patience"/>), then in-distribution ones until it clears (at most <paramref name="patience"/>):
    /// how many results each took (<c>null</c> if it did not happen), and whether the alarm moved in between.
    /// </summary>
    public static ShiftRun ShiftAndReturn(int seed, DriftWindowOptions options, Func<SimulatedTraffic, MonitoredResult> shifted, int patience)
    {
        var traffic = new SimulatedTraffic(seed);
        var window = new DriftWindow(traffic.Validation, options, new ManualClock());
        var changes = new List<DriftAlarmEvent>();
        for (var i = 0; i < options.Capacity; i++)
        {
            Record(window.Add(traffic.InDistribution()), changes);
        }
        var falseAlarmsBefore = changes.Count;
        var detectedAfter = Until(() => window.Add(shifted(traffic)), DriftAlarmChange.Detected, patience, changes);
        var clearedAfter = detectedAfter is null ? null : Until(() => window.Add(traffic.InDistribution()), DriftAlarmChange.Cleared, patience, changes);
        return new ShiftRun(falseAlarmsBefore, detectedAfter, clearedAfter, changes);
    }

    private static int? Until(Func<DriftAlarmEvent?> add, DriftAlarmChange wanted, int patience, List<DriftAlarmEvent> changes)
    {
        for (var count = 1; count <= patience; count++)
        {
            var change = add();
            Record(change, changes);
            if (change?.Change == wanted)
            {
                return count;
            }
        }
        return null;
    }

    private static void Record(DriftAlarmEvent? change, List<DriftAlarmEvent> changes)
    {
        if (change is not null)
        {
            changes.Add(change);
        }
    }
}

/// <summary>One shift-and-return run: false alarms during warm-up, results to detection and to clearing, every change.</summary>
public sealed record ShiftRun(int FalseAlarmsBefore, int? DetectedAfter, int? ClearedAfter, IReadOnlyList<DriftAlarmEvent> Changes);
