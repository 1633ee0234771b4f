using Vrf.Contracts;
using Vrf.Monitoring;

namespace Vrf.Services.Monitor;

/// <summary>The monitoring library's window statistics and alarm changes as the contracts carry them.</summary>
internal static class DriftMessages
{
    public static DistributionShiftDetected Detected(MonitoredVersion version, DriftAlarmEvent change) => new(
        version.Id.Name,
        version.Id.Version,
        change.At,
        Window(change.Statistics),
        Statistics(change.Statistics),
        [.. change.Tests.Select(Kind)],
        OverRepresented(version, change.Statistics));

    public static DistributionShiftCleared Cleared(MonitoredVersion version, DriftAlarmEvent change) => new(
        version.Id.Name, version.Id.Version, change.At, version.RaisedAt, Window(change.Statistics), Statistics(change.Statistics));

    public static ModelDriftReport Report(MonitoredVersion version)
    {
        var report = version.Window.Report();
        return new ModelDriftReport(version.Id.Name, version.Id.Version, report.Alarm, report.Since, Window(report.Statistics),
            Statistics(report.Statistics), OverRepresented(version, report.Statistics), NotMonitoredReason: null);
    }

    /// <summary>The report of a version whose results are not monitored, saying why.</summary>
    public static ModelDriftReport NotMonitored(string model, int version, string reason) => new(
        model, version, Alarm: false, Since: null, new DriftWindowSpan(0, null, null), Statistics(Empty), [], reason);

    public static DriftWindowSpan Window(WindowStatistics statistics) => new(statistics.Count, statistics.From, statistics.To);

    public static DriftStatistics Statistics(WindowStatistics statistics) => new(
        statistics.DistanceTail?.Share,
        statistics.DistanceTail?.PValue,
        statistics.DistanceDistribution?.Statistic,
        statistics.DistanceDistribution?.PValue,
        statistics.MeanWeight,
        statistics.Disagreement,
        statistics.ClassFrequencies?.PValue);

    private static readonly WindowStatistics Empty = new(0, null, null, 0, null, null, null, null, null);

    private static IReadOnlyList<OverRepresentedClass> OverRepresented(MonitoredVersion version, WindowStatistics statistics) =>
        [.. (statistics.ClassFrequencies?.MostOverRepresented ?? []).Select(excess =>
            new OverRepresentedClass(excess.ClassIndex, version.ClassNames[excess.ClassIndex], excess.Observed, excess.Expected))];

    private static DriftTestKind Kind(DriftTest test) => test switch
    {
        DriftTest.DistanceTail => DriftTestKind.DistanceTail,
        DriftTest.DistanceDistribution => DriftTestKind.DistanceDistribution,
        DriftTest.ClassFrequencies => DriftTestKind.ClassFrequencies,
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "Not a drift test."),
    };
}
