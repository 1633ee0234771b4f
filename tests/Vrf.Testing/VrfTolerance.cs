namespace Vrf.Testing;

/// <summary>The tolerances of the VRF fixtures' README §4, one rule per kind of field.</summary>
public static class VrfTolerance
{
    /// <summary>Two scores closer than this make a row a near tie: its prediction may go either way.</summary>
    public const double NearTieGap = 1e-6;

    /// <summary>T_zs, T_ft: |act − exp| ≤ 1e-5·|exp|.</summary>
    public static bool Temperature(double expected, double actual) => Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected);

    /// <summary>Calibration trace values: |act − exp| ≤ 1e-5·|exp| + 1e-9.</summary>
    public static bool Trace(double expected, double actual) => Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected) + 1e-9;

    /// <summary>d, val_d, weights, vrf_probs: |act − exp| ≤ 1e-5·|exp| + 1e-6.</summary>
    public static bool Value(double expected, double actual) => Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected) + 1e-6;

    /// <summary>Grids and chosen grid points: within 1e-12 (grid values) or 1e-9 (choices).</summary>
    public static bool Grid(double expected, double actual) => Math.Abs(actual - expected) <= 1e-12;

    public static bool GridPoint(double expected, double actual) => Math.Abs(actual - expected) <= 1e-9;

    /// <summary>Accuracies: equal within (rows with a top-2 gap below <see cref="NearTieGap"/>) / n.</summary>
    public static bool Accuracy(double expected, double actual, int nearTieRows, int rows) =>
        Math.Abs(actual - expected) <= (double)nearTieRows / rows + 1e-12;
}
