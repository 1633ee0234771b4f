namespace Vrf.Monitoring;

/// <summary>
/// The alarm's state machine. Clear → raised when any test that has enough results falls below its raise level;
/// raised → clear after <see cref="DriftWindowOptions.ClearAfterResults"/> results in a row where every test with
/// enough results is above its clear level (a result with no test ready neither counts nor breaks the run). Not
/// thread-safe: its window serialises the calls.
/// </summary>
internal sealed class DriftAlarm(DriftWindowOptions options)
{
    private int _resultsBack;

    public bool IsRaised { get; private set; }

    public DateTimeOffset? Since { get; private set; }

    /// <summary>Moves the state after a result; returns the change, if any.</summary>
    public DriftAlarmEvent? Observe(WindowStatistics statistics, DateTimeOffset now)
    {
        var ready = Enum.GetValues<DriftTest>()
            .Select(test => (Test: test, PValue: statistics.PValue(test, options.MinimumResults)))
            .Where(result => result.PValue is not null)
            .ToArray();
        if (!IsRaised)
        {
            DriftTest[] crossed = [.. ready.Where(result => result.PValue < options.RaiseBelow(result.Test)).Select(result => result.Test)];
            return crossed.Length == 0 ? null : Change(true, now, new DriftAlarmEvent(DriftAlarmChange.Detected, now, statistics, crossed));
        }
        if (ready.Length == 0)
        {
            return null;
        }
        _resultsBack = ready.All(result => result.PValue > options.ClearAbove(result.Test)) ? _resultsBack + 1 : 0;
        return _resultsBack < options.ClearAfterResults
            ? null
            : Change(false, now, new DriftAlarmEvent(DriftAlarmChange.Cleared, now, statistics, []));
    }

    private DriftAlarmEvent Change(bool raised, DateTimeOffset now, DriftAlarmEvent change)
    {
        IsRaised = raised;
        Since = now;
        _resultsBack = 0;
        return change;
    }
}
