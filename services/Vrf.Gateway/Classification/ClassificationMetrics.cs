using System.Diagnostics.Metrics;
using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>
/// What each image classified through the gateway adds to its meter <see cref="MeterName"/>: the time of every pipeline
/// stage, tagged with the model, so operators see latency per stage as the gateway's callers meet it. d and ω are the
/// scorer's to measure (per model version, for every result, whoever asked).
/// </summary>
internal sealed class ClassificationMetrics
{
    /// <summary>The meter's (and the gateway's telemetry source's) name.</summary>
    public const string MeterName = "Vrf.Gateway";

    private readonly Histogram<double> _stageDuration;

    public ClassificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _stageDuration = meters.Create(MeterName).CreateHistogram("vrf.classification.stage.duration", "s",
            "Time an image spent in one stage of the classification pipeline.",
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            });
    }

    public void Record(ImageClassified result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = new KeyValuePair<string, object?>("vrf.model", result.ModelName);
        foreach (var timing in result.StageTimings)
        {
            _stageDuration.Record(timing.Milliseconds / 1000, model, new("vrf.stage", timing.Stage));
        }
    }
}
