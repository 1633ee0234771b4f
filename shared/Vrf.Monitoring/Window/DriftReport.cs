namespace Vrf.Monitoring;

/// <summary>A window's state at one moment: its statistics and its alarm.</summary>
/// <param name="Statistics">The window's statistics.</param>
/// <param name="Alarm">Whether the drift alarm is raised.</param>
/// <param name="Since">When the alarm last changed; <c>null</c> if it has never been raised.</param>
public sealed record DriftReport(WindowStatistics Statistics, bool Alarm, DateTimeOffset? Since);
