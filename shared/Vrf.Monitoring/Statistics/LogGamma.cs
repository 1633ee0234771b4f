namespace Vrf.Monitoring;

/// <summary>ln Γ(x) for x &gt; 0, accurate to a few units in the last place of its absolute value.</summary>
public static class LogGamma
{
    private const double SeriesFrom = 16;

    /// <summary>ln Γ(<paramref name="x"/>); +∞ for x = +∞.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not positive, or is NaN.</exception>
    public static double Of(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is defined here for positive arguments only.");
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        // Γ(x) = Γ(x + k) / (x (x + 1) … (x + k − 1)): move up to where Stirling's series is exact to double precision.
        var shifted = 1.0;
        while (x < SeriesFrom)
        {
            shifted *= x;
            x += 1;
        }
        return (x - 0.5) * Math.Log(x) - x + StirlingError.HalfLogTwoPi + StirlingError.Of(x) - Math.Log(shifted);
    }
}
