namespace Vrf.Monitoring;

/// <summary>One shift-and-return run (<see cref="AlarmTrials.ShiftAndReturn"/>).</summary>
/// <param name="FalseAlarmsBefore">Alarms raised by the in-distribution window before the shift began.</param>
/// <param name="DetectedAfter">Shifted results until the alarm was raised; <c>null</c> when it was not.</param>
/// <param name="ClearedAfter">In-distribution results after that until it cleared; <c>null</c> when it did not.</param>
/// <param name="Changes">Every change of the alarm, in order.</param>
public sealed record ShiftTrial(int FalseAlarmsBefore, int? DetectedAfter, int? ClearedAfter, IReadOnlyList<DriftAlarmEvent> Changes);
