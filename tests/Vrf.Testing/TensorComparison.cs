namespace Vrf.Testing;

/// <summary>The outcome of comparing a tensor with its reference: whether it passes and where it is furthest off.</summary>
public sealed record TensorComparison(
    string Name,
    TensorTolerance Tolerance,
    long[] Shape,
    int WorstFlatIndex,
    double WorstExpected,
    double WorstActual,
    double MaxAbsDiff,
    int Violations,
    bool ShapeMatches,
    string? ActualShapeText = null)
{
    public bool Passed => ShapeMatches && Violations == 0;

    public double WorstAbsDiff => Math.Abs(WorstActual - WorstExpected);

    /// <summary>The worst element's index, e.g. <c>[2, 0, 13]</c>.</summary>
    public string WorstIndexText
    {
        get
        {
            var index = new long[Shape.Length];
            var rest = (long)Math.Max(WorstFlatIndex, 0);
            for (var d = Shape.Length - 1; d >= 0; d--)
            {
                index[d] = Shape[d] == 0 ? 0 : rest % Shape[d];
                rest = Shape[d] == 0 ? 0 : rest / Shape[d];
            }
            return $"[{string.Join(", ", index)}]";
        }
    }

    public static TensorComparison ShapeMismatch(ExpectedTensor expected, IEnumerable<long> actualShape, TensorTolerance tolerance) =>
        new(expected.Name, tolerance, expected.Shape, -1, 0, 0, double.PositiveInfinity, 0, ShapeMatches: false,
            ActualShapeText: $"[{string.Join(", ", actualShape)}]");

    public string Describe() => ShapeMatches
        ? $"{Name}: max |diff| {MaxAbsDiff:G3}, worst at {WorstIndexText}: expected {WorstExpected:G9}, actual " +
          $"{WorstActual:G9}, |diff| {WorstAbsDiff:G3} vs allowed {Tolerance.AllowedFor(WorstExpected):G3} " +
          $"(atol {Tolerance.Atol:G3}, rtol {Tolerance.Rtol:G3}); {Violations} element(s) out of tolerance"
        : $"{Name}: shape {ActualShapeText} differs from the expected {$"[{string.Join(", ", Shape)}]"}";
}
