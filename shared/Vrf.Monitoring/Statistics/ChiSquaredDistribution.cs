namespace Vrf.Monitoring;

/// <summary>The chi-squared distribution's upper tail, the p-value of a chi-squared statistic.</summary>
public static class ChiSquaredDistribution
{
    /// <summary>P(X ≥ <paramref name="statistic"/>) for X ~ χ²(<paramref name="degreesOfFreedom"/>) = Q(k/2, x/2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one degree of freedom, or a negative or NaN statistic.</exception>
    public static double Survival(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(statistic >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "A chi-squared statistic is non-negative.");
        }
        return IncompleteGamma.UpperRegularized(degreesOfFreedom / 2.0, statistic / 2);
    }
}
