using System.ComponentModel.DataAnnotations;

namespace Vrf.Monitoring;

/// <summary>
/// The <c>DriftWindow</c> configuration section: the window's size and age, and for each test the p-value below
/// which it raises the alarm and the one above which it counts toward clearing it. A raised alarm clears only after
/// <see cref="ClearAfterResults"/> results in a row with every test above its clear level, so it does not flap.
/// </summary>
/// <remarks>
/// The tests are re-run on every result, so the raise levels are far below the usual 0.05. Measured with these
/// defaults (the explicit test in <c>AlarmRateSimulationTests</c>: a ten-class version, d from a gamma distribution,
/// 20 streams of 100 windows of 500 results, re-tested after every result): in-distribution traffic drawn from the
/// validation split itself raised 0 alarms in 2,000 windows; fresh draws from the population the split came from
/// (so the split's own sampling error counts against it) raised 5 in 2,000 with a split of 1,000 images (0.25 per
/// 100 windows, all from the class test) and 0 with one of 4,096. After a full window of in-distribution traffic, a
/// shift that scales d by 2 (ID-vs-shift AUROC of d 0.83) was detected after a median of 66 results (at most 95),
/// by 3 (AUROC 0.93) after 38 (at most 50), by 1.5 (AUROC 0.71) after 134 (at most 209); one class predicted four
/// times as often after 210 (at most 345). Every run raised once and cleared once, after about one window of
/// in-distribution traffic (median 510 results for the ×2 shift).
/// </remarks>
public sealed class DriftWindowOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DriftWindow";

    /// <summary>The most recent results a window keeps.</summary>
    [Range(1, KolmogorovSmirnovTest.MaxSampleSize)]
    public int Capacity { get; set; } = 500;

    /// <summary>Results older than this leave the window even when it is not full.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The results a test needs (with a distance, for the distance tests) before it can move the alarm.</summary>
    [Range(1, KolmogorovSmirnovTest.MaxSampleSize)]
    public int MinimumResults { get; set; } = 50;

    /// <summary>Consecutive results with every test above its clear level before a raised alarm clears.</summary>
    [Range(1, int.MaxValue)]
    public int ClearAfterResults { get; set; } = 50;

    /// <summary>The most over-represented classes reported with the statistics.</summary>
    [Range(0, 1000)]
    public int OverRepresentedClasses { get; set; } = 3;

    /// <summary>The binomial test of the share above the validation 95th percentile raises below this p-value.</summary>
    [Range(0.0, 1.0)]
    public double DistanceTailRaiseBelow { get; set; } = 1e-6;

    /// <summary>… and counts toward clearing above this one.</summary>
    [Range(0.0, 1.0)]
    public double DistanceTailClearAbove { get; set; } = 1e-3;

    /// <summary>The Kolmogorov–Smirnov test of d against validation raises below this p-value.</summary>
    [Range(0.0, 1.0)]
    public double DistanceDistributionRaiseBelow { get; set; } = 1e-6;

    /// <summary>… and counts toward clearing above this one.</summary>
    [Range(0.0, 1.0)]
    public double DistanceDistributionClearAbove { get; set; } = 1e-3;

    /// <summary>
    /// The chi-squared test of the predicted classes against validation raises below this p-value: ten times lower
    /// than the others, because the test takes validation's class frequencies as exact while they are estimates, so
    /// its p-values run small on a version whose validation split was unrepresentative.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClassFrequenciesRaiseBelow { get; set; } = 1e-7;

    /// <summary>… and counts toward clearing above this one.</summary>
    [Range(0.0, 1.0)]
    public double ClassFrequenciesClearAbove { get; set; } = 1e-3;

    /// <summary>The raise level of <paramref name="test"/>.</summary>
    public double RaiseBelow(DriftTest test) => test switch
    {
        DriftTest.DistanceTail => DistanceTailRaiseBelow,
        DriftTest.DistanceDistribution => DistanceDistributionRaiseBelow,
        DriftTest.ClassFrequencies => ClassFrequenciesRaiseBelow,
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, null),
    };

    /// <summary>The clear level of <paramref name="test"/>.</summary>
    public double ClearAbove(DriftTest test) => test switch
    {
        DriftTest.DistanceTail => DistanceTailClearAbove,
        DriftTest.DistanceDistribution => DistanceDistributionClearAbove,
        DriftTest.ClassFrequencies => ClassFrequenciesClearAbove,
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, null),
    };

    /// <summary>The checks that relate one setting to another: each raise level below its clear level, and a minimum
    /// the window can reach.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var test in Enum.GetValues<DriftTest>())
        {
            if (!(RaiseBelow(test) < ClearAbove(test)))
            {
                yield return new ValidationResult(
                    $"The {test} raise level ({RaiseBelow(test)}) must be below its clear level ({ClearAbove(test)}), or the alarm would flap.",
                    [$"{test}RaiseBelow", $"{test}ClearAbove"]);
            }
        }
        if (MinimumResults > Capacity)
        {
            yield return new ValidationResult(
                $"MinimumResults ({MinimumResults}) is more than the window holds ({Capacity}).",
                [nameof(MinimumResults), nameof(Capacity)]);
        }
    }
}
