namespace Vrf.Monitoring;

/// <summary>The regularised incomplete gamma functions, for the chi-squared distribution's tail.</summary>
public static class IncompleteGamma
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxTerms = 100_000;

    /// <summary>
    /// Q(a, x) = Γ(a, x) / Γ(a), the upper tail, with full relative accuracy when it is small: by the power series of
    /// P = 1 − Q where x &lt; a + 1 (there Q is not small), otherwise by Legendre's continued fraction for Q itself
    /// (modified Lentz). Q(a, 0) = 1 and Q(a, +∞) = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive and finite, or
    /// <paramref name="x"/> is negative or NaN.</exception>
    public static double UpperRegularized(double a, double x)
    {
        if (!(a > 0) || double.IsPositiveInfinity(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape must be positive and finite.");
        }
        if (!(x >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The argument must be non-negative.");
        }
        if (x == 0)
        {
            return 1;
        }
        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }
        var logPrefactor = a * Math.Log(x) - x - LogGamma.Of(a);
        return x < a + 1
            ? 1 - Math.Exp(logPrefactor) * LowerSeries(a, x)
            : Math.Exp(logPrefactor) * UpperContinuedFraction(a, x);
    }

    /// <summary>Σₙ xⁿ / (a (a + 1) … (a + n)), so that P(a, x) = e^(−x) x^a / Γ(a) times it.</summary>
    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxTerms; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (term < sum * Epsilon)
            {
                return sum;
            }
        }
        throw new ArithmeticException($"The incomplete gamma series did not converge for a = {a}, x = {x}.");
    }

    /// <summary>1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / (x + 5 − a − …))), so that Q = e^(−x) x^a / Γ(a) times it.</summary>
    private static double UpperContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var fraction = d;
        for (var n = 1; n < MaxTerms; n++)
        {
            var an = -n * (n - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }
            c = b + an / c;
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }
            d = 1 / d;
            var step = d * c;
            fraction *= step;
            if (Math.Abs(step - 1) < Epsilon)
            {
                return fraction;
            }
        }
        throw new ArithmeticException($"The incomplete gamma continued fraction did not converge for a = {a}, x = {x}.");
    }
}
