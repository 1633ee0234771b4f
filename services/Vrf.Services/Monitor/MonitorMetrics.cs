using System.Diagnostics.Metrics;
using Vrf.Monitoring;
using Vrf.Serving.Store;

namespace Vrf.Services.Monitor;

/// <summary>
/// The monitor's instruments, on the meter <see cref="MonitorTelemetry.SourceName"/>: per watched model version, gauges
/// of its alarm (1 raised, 0 clear), its window's size and its statistics, read from the windows whenever metrics are
/// collected; and a count of the alarms raised. Names and units follow OpenTelemetry's semantic conventions; the
/// README's "Shift monitoring" section lists them.
/// </summary>
internal sealed class MonitorMetrics
{
    public const string Alarm = "vrf.drift.alarm";
    public const string Alarms = "vrf.drift.alarms";
    public const string WindowSize = "vrf.drift.window.size";
    public const string ShareAboveP95 = "vrf.drift.distance.share_above_p95";
    public const string KolmogorovSmirnov = "vrf.drift.distance.ks";
    public const string PValue = "vrf.drift.test.p_value";
    public const string MeanWeight = "vrf.drift.weight.mean";
    public const string Disagreement = "vrf.drift.disagreement";
    public const string TestKey = "vrf.drift.test";

    private readonly Counter<long> _alarms;

    public MonitorMetrics(IMeterFactory meters, Func<IEnumerable<MonitoredVersion>> watched)
    {
        var meter = meters.Create(MonitorTelemetry.SourceName);
        _alarms = meter.CreateCounter<long>(Alarms, "{alarm}", "Drift alarms raised, by model version.");
        meter.CreateObservableGauge(Alarm, () => Observe(watched, report => report.Alarm ? 1 : 0), "1",
            "Whether the model version's drift alarm is raised (1) or clear (0).");
        meter.CreateObservableGauge(WindowSize, () => Observe(watched, report => report.Statistics.Count), "{result}",
            "Results in the model version's drift window.");
        meter.CreateObservableGauge(ShareAboveP95, () => Observe(watched, report => report.Statistics.DistanceTail?.Share), "1",
            "The share of the window's d above the validation 95th percentile (0.05 in distribution).");
        meter.CreateObservableGauge(KolmogorovSmirnov, () => Observe(watched, report => report.Statistics.DistanceDistribution?.Statistic), "1",
            "The two-sample Kolmogorov–Smirnov statistic of the window's d against the validation d.");
        meter.CreateObservableGauge(MeanWeight, () => Observe(watched, report => report.Statistics.MeanWeight), "1",
            "The mean ω (the fine-tuned model's weight) over the window's VRF results.");
        meter.CreateObservableGauge(Disagreement, () => Observe(watched, report => report.Statistics.Disagreement), "1",
            "The share of the window's results whose zero-shot and fine-tuned top classes differ.");
        meter.CreateObservableGauge(PValue, () => PValues(watched), "1",
            "Each drift test's p-value over the window (an alarm is raised when one falls below its raise level).");
    }

    /// <summary>Counts a raised alarm.</summary>
    public void AlarmChanged(ModelVersionId version, DriftAlarmChange change)
    {
        if (change == DriftAlarmChange.Detected)
        {
            _alarms.Add(1, MetricAttributes.Version(version.Name, version.Version));
        }
    }

    private static IEnumerable<Measurement<double>> Observe(Func<IEnumerable<MonitoredVersion>> watched, Func<DriftReport, double?> value)
    {
        foreach (var version in watched())
        {
            if (value(version.Window.Report()) is { } measured)
            {
                yield return new Measurement<double>(measured, MetricAttributes.Version(version.Id.Name, version.Id.Version));
            }
        }
    }

    private static IEnumerable<Measurement<double>> PValues(Func<IEnumerable<MonitoredVersion>> watched)
    {
        foreach (var version in watched())
        {
            var statistics = version.Window.Report().Statistics;
            foreach (var (test, name) in TestNames)
            {
                if (statistics.PValue(test, minimumResults: 1) is { } pValue)
                {
                    yield return new Measurement<double>(pValue,
                        [.. MetricAttributes.Version(version.Id.Name, version.Id.Version), new(TestKey, name)]);
                }
            }
        }
    }

    private static readonly (DriftTest Test, string Name)[] TestNames =
    [
        (DriftTest.DistanceTail, "distance_tail"),
        (DriftTest.DistanceDistribution, "distance_distribution"),
        (DriftTest.ClassFrequencies, "class_frequencies"),
    ];
}
