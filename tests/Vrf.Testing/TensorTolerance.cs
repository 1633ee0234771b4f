namespace Vrf.Testing;

/// <summary>
/// An element-wise bound <c>|actual - expected| &lt;= Atol + Rtol * |expected|</c> (numpy's <c>allclose</c> rule).
/// </summary>
public sealed record TensorTolerance(double Atol, double Rtol)
{
    public static TensorTolerance Exact { get; } = new(0, 0);

    public double AllowedFor(double expected) => Atol + Rtol * Math.Abs(expected);

    /// <summary>Compares every element and reports the worst one (the largest share of its allowance used).</summary>
    public TensorComparison Compare(ExpectedTensor expected, IReadOnlyList<long> actualShape, IReadOnlyList<double> actual)
    {
        if (!expected.Shape.SequenceEqual(actualShape) || expected.Data.Length != actual.Count)
        {
            return TensorComparison.ShapeMismatch(expected, actualShape, this);
        }
        var worst = -1;
        var worstScore = double.NegativeInfinity;
        var maxAbsDiff = 0.0;
        var violations = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var diff = Math.Abs(actual[i] - expected.Data[i]);
            var allowed = AllowedFor(expected.Data[i]);
            var passes = diff <= allowed;
            if (!passes)
            {
                violations++;
            }
            var score = double.IsNaN(diff) ? double.PositiveInfinity : allowed > 0 ? diff / allowed : diff > 0 ? double.PositiveInfinity : 0;
            if (score > worstScore)
            {
                worstScore = score;
                worst = i;
            }
            maxAbsDiff = Math.Max(maxAbsDiff, double.IsNaN(diff) ? double.PositiveInfinity : diff);
        }
        return new TensorComparison(expected.Name, this, expected.Shape, worst,
            worst < 0 ? 0 : expected.Data[worst], worst < 0 ? 0 : actual[worst], maxAbsDiff, violations, ShapeMatches: true);
    }
}
