namespace Vrf.Monitoring;

/// <summary>
/// The error of Stirling's formula, ln Γ(x + 1) − ((x + ½)·ln x − x + ½·ln 2π). Written apart from the rest of
/// ln Γ so that probabilities built from factorials (the binomial's, after Loader) keep their relative accuracy:
/// the large terms cancel exactly in the caller and only this small remainder is left to compute.
/// </summary>
internal static class StirlingError
{
    /// <summary>½·ln 2π.</summary>
    public const double HalfLogTwoPi = 0.91893853320467274178032973640562;

    /// <summary>Below this the asymptotic series is not accurate to double precision.</summary>
    private const double SeriesFrom = 16;

    /// <summary>The remainder for <paramref name="x"/> ≥ 16, or for a whole number from 1 to 15.</summary>
    public static double Of(double x)
    {
        if (x >= SeriesFrom)
        {
            return Series(x);
        }
        if (x < 1 || x != Math.Floor(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Below 16 only whole numbers from 1 are supported.");
        }
        return LogFactorial((int)x) - (x + 0.5) * Math.Log(x) + x - HalfLogTwoPi;
    }

    /// <summary>
    /// 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹), the terms B₂ₖ / (2k(2k − 1)·x^(2k−1)); from
    /// x = 16 the first omitted term is below 10⁻¹⁶.
    /// </summary>
    private static double Series(double x)
    {
        var inverseSquare = 1 / (x * x);
        return (1.0 / 12 - inverseSquare * (1.0 / 360 - inverseSquare * (1.0 / 1260 - inverseSquare * (1.0 / 1680 - inverseSquare / 1188)))) / x;
    }

    /// <summary>ln n! from the exact product (15! is below 2⁵³, so the product is exact).</summary>
    private static double LogFactorial(int n)
    {
        var product = 1.0;
        for (var i = 2; i <= n; i++)
        {
            product *= i;
        }
        return Math.Log(product);
    }
}
