namespace Vrf.Contracts;

/// <summary>One model version's drift window as it stands: its alarm, the results it holds and their statistics.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="ModelVersion">The version.</param>
/// <param name="Alarm">Whether the drift alarm is raised.</param>
/// <param name="Since">When the alarm last changed; <c>null</c> if it was never raised.</param>
/// <param name="Window">The results the statistics are taken over (empty before any traffic).</param>
/// <param name="Statistics">The window's statistics against validation.</param>
/// <param name="OverRepresentedClasses">The classes most over-represented against validation, most first.</param>
/// <param name="NotMonitoredReason">Why the version's results are not monitored (it recorded no validation
/// distribution); <c>null</c> for a monitored version.</param>
public sealed record ModelDriftReport(
    string ModelName,
    int ModelVersion,
    bool Alarm,
    DateTimeOffset? Since,
    DriftWindowSpan Window,
    DriftStatistics Statistics,
    IReadOnlyList<OverRepresentedClass> OverRepresentedClasses,
    string? NotMonitoredReason);
