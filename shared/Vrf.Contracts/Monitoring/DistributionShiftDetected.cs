namespace Vrf.Contracts;

/// <summary>Event: the monitor's window of a model version's recent results no longer looks like the version's
/// validation images. Published once per alarm; <see cref="DistributionShiftCleared"/> follows when traffic is back.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="ModelVersion">The version whose results shifted.</param>
/// <param name="DetectedAt">When the alarm was raised (the result that raised it reached the monitor).</param>
/// <param name="Window">The results the statistics were taken over.</param>
/// <param name="Statistics">Every statistic and p-value at that moment.</param>
/// <param name="Tests">The tests below their raise level.</param>
/// <param name="OverRepresentedClasses">The classes most over-represented against validation, most first.</param>
public sealed record DistributionShiftDetected(
    string ModelName,
    int ModelVersion,
    DateTimeOffset DetectedAt,
    DriftWindowSpan Window,
    DriftStatistics Statistics,
    IReadOnlyList<DriftTestKind> Tests,
    IReadOnlyList<OverRepresentedClass> OverRepresentedClasses);
