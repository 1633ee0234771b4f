namespace Vrf.Serving.Evaluation;

/// <summary>Alarms raised by <paramref name="Windows"/> windows of <paramref name="WindowSize"/> in-distribution results
/// (<see cref="MonitoringTrials"/>).</summary>
public sealed record FalseAlarms(int Alarms, int Windows, int WindowSize)
{
    public double Per100Windows => 100.0 * Alarms / Windows;
}
