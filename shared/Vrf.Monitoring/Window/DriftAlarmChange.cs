namespace Vrf.Monitoring;

/// <summary>Which way a drift alarm moved.</summary>
public enum DriftAlarmChange
{
    /// <summary>A test crossed its raise level: the traffic no longer looks like validation.</summary>
    Detected,

    /// <summary>Every test stayed past its clear level for the required number of results.</summary>
    Cleared,
}
