using Vrf.Contracts;
using Vrf.Monitoring;

namespace Vrf.Services.Monitor;

/// <summary>A drift alarm that a result just raised or cleared, and the event that announces it.</summary>
public sealed class DriftAlarmNotice
{
    private readonly MonitoredVersion _version;
    private readonly DriftAlarmEvent _change;

    internal DriftAlarmNotice(MonitoredVersion version, DriftAlarmEvent change)
    {
        _version = version;
        _change = change;
    }

    /// <summary>Whether the alarm was raised (else cleared).</summary>
    public bool Raised => _change.Change == DriftAlarmChange.Detected;

    /// <summary>The event of a raised alarm.</summary>
    public DistributionShiftDetected Detected() => DriftMessages.Detected(_version, _change);

    /// <summary>The event of a cleared alarm.</summary>
    public DistributionShiftCleared Cleared() => DriftMessages.Cleared(_version, _change);
}
