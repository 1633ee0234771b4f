namespace Vrf.Contracts;

/// <summary>The tests whose p-values raise and clear a drift alarm.</summary>
public enum DriftTestKind
{
    /// <summary>The binomial test of the share of d above the validation 95th percentile.</summary>
    DistanceTail,

    /// <summary>The Kolmogorov–Smirnov test of d against the validation d.</summary>
    DistanceDistribution,

    /// <summary>The chi-squared test of the predicted classes against their validation frequencies.</summary>
    ClassFrequencies,
}
