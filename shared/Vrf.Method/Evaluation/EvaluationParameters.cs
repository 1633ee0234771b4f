namespace Vrf.Method.Evaluation;

/// <summary>
/// What a cached evaluation is run with: the given VRF weight (a, b), the K rule, the grids searched on validation
/// and the temperature search constants.
/// </summary>
public sealed record EvaluationParameters(
    EnsembleWeight Weight,
    KRule KRule,
    int? ExplicitK,
    IReadOnlyList<double> OseAlphaGrid,
    IReadOnlyList<double> VrfAGrid,
    IReadOnlyList<double> VrfBGrid,
    TemperatureCalibration Calibration)
{
    /// <summary>The paper's α grid: 0.0, 0.1, …, 1.0.</summary>
    public static IReadOnlyList<double> DefaultOseAlphaGrid { get; } = Steps(0, 10);

    /// <summary>The a grid: 0.1, 0.2, …, 3.0.</summary>
    public static IReadOnlyList<double> DefaultVrfAGrid { get; } = Steps(1, 30);

    /// <summary>The b grid: 0.1, 0.2, …, 1.0.</summary>
    public static IReadOnlyList<double> DefaultVrfBGrid { get; } = Steps(1, 10);

    private static double[] Steps(int firstTenth, int lastTenth) =>
        [.. Enumerable.Range(firstTenth, lastTenth - firstTenth + 1).Select(tenths => tenths / 10.0)];
}
