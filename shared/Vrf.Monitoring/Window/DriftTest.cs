namespace Vrf.Monitoring;

/// <summary>The tests whose p-values raise and clear a drift alarm.</summary>
public enum DriftTest
{
    /// <summary>The binomial test of the share of d above the validation 95th percentile (against 5 %).</summary>
    DistanceTail,

    /// <summary>The two-sample Kolmogorov–Smirnov test of the window's d against the validation d.</summary>
    DistanceDistribution,

    /// <summary>The chi-squared test of the predicted-class histogram against the validation frequencies.</summary>
    ClassFrequencies,
}
