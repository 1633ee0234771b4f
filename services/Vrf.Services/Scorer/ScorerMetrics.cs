using System.Diagnostics.Metrics;
using Vrf.Contracts;

namespace Vrf.Services.Scorer;

/// <summary>
/// The scorer's instruments, on the meter <see cref="ScorerTelemetry.SourceName"/>: for every result, a count by model
/// version, mode and predicted class, and histograms of d, its validation percentile and ω (each where the result has
/// one). Names and units follow OpenTelemetry's semantic conventions (dimensionless values have unit <c>1</c>); the
/// README's "Shift monitoring" section lists them.
/// </summary>
public sealed class ScorerMetrics
{
    public const string Results = "vrf.classification.results";
    public const string Distance = "vrf.classification.distance";
    public const string DistancePercentile = "vrf.classification.distance_percentile";
    public const string Weight = "vrf.classification.weight";

    private readonly Counter<long> _results;
    private readonly Histogram<double> _distance;
    private readonly Histogram<double> _percentile;
    private readonly Histogram<double> _weight;

    public ScorerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(ScorerTelemetry.SourceName);
        _results = meter.CreateCounter<long>(Results, "{result}", "Images classified, by model version, ensemble mode and predicted class.");
        _distance = meter.CreateHistogram(Distance, "1",
            "d: the squared distance of an image's fine-tuned feature to its K-th nearest zero-shot failure (finite values; +∞ counts in the percentile only).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricAttributes.DistanceBuckets });
        _percentile = meter.CreateHistogram(DistancePercentile, "1",
            "The share of the version's validation images with a smaller d (1: more unusual than all of them).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricAttributes.PercentileBuckets });
        _weight = meter.CreateHistogram(Weight, "1", "ω: the fine-tuned model's weight in a VRF result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = MetricAttributes.WeightBuckets });
    }

    /// <summary>Records one result.</summary>
    public void Record(ImageClassified result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var version = MetricAttributes.Version(result.ModelName, result.ModelVersion);
        _results.Add(1, [.. version, MetricAttributes.Mode(result.EnsembleMode), MetricAttributes.PredictedClass(result.PredictedClassName)]);
        if (result.Distance is { } distance && double.IsFinite(distance))
        {
            _distance.Record(distance, version);
        }
        if (result.DistancePercentile is { } percentile)
        {
            _percentile.Record(percentile, version);
        }
        if (result.EnsembleMode == EnsembleMode.Vrf)
        {
            _weight.Record(result.Weight, version);
        }
    }
}
