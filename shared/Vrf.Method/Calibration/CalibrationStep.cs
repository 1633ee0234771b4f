namespace Vrf.Method;

/// <summary>One turn of the temperature search: the bracket, the interpolated temperature, and the confidences at each.</summary>
public sealed record CalibrationStep(double LowTemperature, double HighTemperature, double MidTemperature,
    double LowConfidence, double HighConfidence, double MidConfidence)
{
    /// <summary>The reference's trace row: [t_lo, t_hi, t_mid, c_lo, c_hi, c_mid].</summary>
    public double[] ToRow() => [LowTemperature, HighTemperature, MidTemperature, LowConfidence, HighConfidence, MidConfidence];
}
