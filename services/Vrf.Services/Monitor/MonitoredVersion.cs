using Vrf.Monitoring;
using Vrf.Serving.Store;

namespace Vrf.Services.Monitor;

/// <summary>One model version the monitor watches: its drift window, its class names, and when its alarm was last
/// raised (a clearing reports it).</summary>
internal sealed class MonitoredVersion(ModelVersionId id, IReadOnlyList<string> classNames, DriftWindow window)
{
    private long _raisedAtTicks = -1;

    public ModelVersionId Id { get; } = id;

    public IReadOnlyList<string> ClassNames { get; } = classNames;

    public DriftWindow Window { get; } = window;

    /// <summary>When the alarm was last raised; <c>null</c> if it never was.</summary>
    public DateTimeOffset? RaisedAt => Interlocked.Read(ref _raisedAtTicks) is >= 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Adds a result; returns the alarm's change, if this result moved it.</summary>
    public DriftAlarmEvent? Add(MonitoredResult result)
    {
        var change = Window.Add(result);
        if (change is { Change: DriftAlarmChange.Detected })
        {
            Interlocked.Exchange(ref _raisedAtTicks, change.At.UtcTicks);
        }
        return change;
    }
}
