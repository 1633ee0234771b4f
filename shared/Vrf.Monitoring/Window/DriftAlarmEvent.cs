namespace Vrf.Monitoring;

/// <summary>A drift alarm that was raised or cleared by the result just added.</summary>
/// <param name="Change">Raised (<see cref="DriftAlarmChange.Detected"/>) or cleared.</param>
/// <param name="At">When, by the window's clock.</param>
/// <param name="Statistics">The window's statistics at that moment, every test with its p-value and the most
/// over-represented classes.</param>
/// <param name="Tests">For a detection, the tests below their raise level; empty for a clearing.</param>
public sealed record DriftAlarmEvent(DriftAlarmChange Change, DateTimeOffset At, WindowStatistics Statistics, IReadOnlyList<DriftTest> Tests);
