namespace Vrf.Monitoring;

/// <summary>
/// Streams of results replayed through a real <see cref="DriftWindow"/>, re-tested after every result as the monitor
/// does, on a clock that does not move (no result ages out): how often in-distribution traffic raises the alarm, and
/// how many shifted results it takes to raise it and in-distribution ones to clear it again.
/// </summary>
public static class AlarmTrials
{
    /// <summary>How many alarms <paramref name="windows"/> windows' worth of in-distribution results raise (after an
    /// alarm the stream goes on, so a second needs the first to clear).</summary>
    public static int FalseAlarms(ValidationDistribution validation, DriftWindowOptions options, Func<MonitoredResult> inDistribution, int windows)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inDistribution);
        var window = new DriftWindow(validation, options, new StoppedClock());
        var alarms = 0;
        for (var i = 0; i < windows * options.Capacity; i++)
        {
            if (window.Add(inDistribution()) is { Change: DriftAlarmChange.Detected })
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
    public static ShiftTrial ShiftAndReturn(ValidationDistribution validation, DriftWindowOptions options, Func<MonitoredResult> inDistribution,
        Func<MonitoredResult> shifted, int patience)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inDistribution);
        ArgumentNullException.ThrowIfNull(shifted);
        var window = new DriftWindow(validation, options, new StoppedClock());
        var changes = new List<DriftAlarmEvent>();
        for (var i = 0; i < options.Capacity; i++)
        {
            Record(window.Add(inDistribution()), changes);
        }
        var falseAlarmsBefore = changes.Count;
        var detectedAfter = Until(() => window.Add(shifted()), DriftAlarmChange.Detected, patience, changes);
        var clearedAfter = detectedAfter is null ? null : Until(() => window.Add(inDistribution()), DriftAlarmChange.Cleared, patience, changes);
        return new ShiftTrial(falseAlarmsBefore, detectedAfter, clearedAfter, changes);
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

    /// <summary>A replay has no wall time: every result arrives at the same instant.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private static readonly DateTimeOffset Instant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Instant;
    }
}
