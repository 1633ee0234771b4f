namespace Vrf.Method;

/// <summary>A fitted temperature, the accuracy it was fitted to, and every turn of the search that found it.</summary>
public sealed record CalibratedTemperature(double Temperature, double TargetAccuracy, IReadOnlyList<CalibrationStep> Trace)
{
    /// <summary>The number of loop turns (recursive calls in the original).</summary>
    public int Steps => Trace.Count;
}
