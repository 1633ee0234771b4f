using System.Diagnostics.Metrics;
using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>
/// What each classified image adds to the gateway's meter <see cref="MeterName"/>: the time of every pipeline stage and
/// the result's d and ω, tagged with the model and the ensemble mode, so operators see latency per stage and how the
/// traffic sits between the zero-shot failures and the training images.
/// </summary>
internal sealed class ClassificationMetrics
{
    /// <summary>The meter's (and the gateway's telemetry source's) name.</summary>
    public const string MeterName = "Vrf.Gateway";

    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _distance;
    private readonly Histogram<double> _weight;

    public ClassificationMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _stageDuration = meter.CreateHistogram("vrf.classification.stage.duration", "s",
            "Time an image spent in one stage of the classification pipeline.",
            advice: Buckets(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10));
        _distance = meter.CreateHistogram("vrf.classification.distance", "1",
            "d: squared distance of an image's embedding to its K-th nearest zero-shot failure (0 to 4 for unit vectors).",
            advice: Buckets(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4));
        _weight = meter.CreateHistogram("vrf.classification.weight", "1",
            "ω: the weight the fine-tuned model got in an image's ensemble (0 trusts zero-shot, 1 fine-tuned).",
            advice: Buckets(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1));
    }

    private static InstrumentAdvice<double> Buckets(params double[] upperBounds) => new() { HistogramBucketBoundaries = upperBounds };

    public void Record(ImageClassified result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var model = new KeyValuePair<string, object?>("vrf.model", result.ModelName);
        var mode = new KeyValuePair<string, object?>("vrf.mode", EnsembleModeNames.NameOf(result.EnsembleMode));
        foreach (var timing in result.StageTimings)
        {
            _stageDuration.Record(timing.Milliseconds / 1000, model, new("vrf.stage", timing.Stage));
        }
        if (result.Distance is { } distance && double.IsFinite(distance))
        {
            _distance.Record(distance, model, mode);
        }
        _weight.Record(result.Weight, model, mode);
    }
}
