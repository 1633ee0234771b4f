namespace Vrf.Contracts;

/// <summary>Event: a model version's drift alarm is cleared: every test stayed past its clear level for the required
/// run of results after a <see cref="DistributionShiftDetected"/>.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="ModelVersion">The version.</param>
/// <param name="ClearedAt">When the alarm was cleared.</param>
/// <param name="DetectedAt">When it had been raised.</param>
/// <param name="Window">The results the statistics were taken over.</param>
/// <param name="Statistics">Every statistic and p-value at that moment.</param>
public sealed record DistributionShiftCleared(
    string ModelName,
    int ModelVersion,
    DateTimeOffset ClearedAt,
    DateTimeOffset? DetectedAt,
    DriftWindowSpan Window,
    DriftStatistics Statistics);
