using System.Diagnostics.Metrics;
using Vrf.Serving.Store;

namespace Vrf.Services.Batching;

/// <summary>
/// How many messages each batch of a batching service held: the histogram <see cref="Size"/> on the service's meter,
/// one measurement per batch that ran, by model version and stage, so operators see whether N and T fill the batches.
/// </summary>
public sealed class BatchSizes
{
    public const string Size = "vrf.batch.size";

    private static readonly int[] Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private readonly Histogram<int> _sizes;
    private readonly KeyValuePair<string, object?> _stage;

    /// <param name="meterName">The service's meter (its telemetry source).</param>
    /// <param name="stage">The service's name (a <see cref="ServiceNames"/> one).</param>
    public BatchSizes(IMeterFactory meters, string meterName, string stage)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _sizes = meters.Create(meterName).CreateHistogram(Size, "{image}",
            "Images in each batch a service ran (its batching settings' N at most).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = Buckets });
        _stage = MetricAttributes.Stage(stage);
    }

    internal void Record(ModelVersionId version, int size) =>
        _sizes.Record(size, [.. MetricAttributes.Version(version.Name, version.Version), _stage]);
}
