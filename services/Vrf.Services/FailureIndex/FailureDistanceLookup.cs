using Vrf.Contracts;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// The failure-index step of the classify pipeline: d, the distance from the image's fine-tuned feature to the K-th
/// nearest zero-shot failure of the exact model version that embedded it (K from the version's parameters), and the
/// nearest failures when the request asked for them. d is measured in every mode, so every result can show it.
/// </summary>
public sealed class FailureDistanceLookup(ServedModels models, IFailureIndex index)
{
    /// <exception cref="Vrf.Serving.ModelServingException">No such ready version, or a feature of the wrong size or
    /// without a direction.</exception>
    public async Task<FailureDistanceMeasured> MeasureAsync(ImageEmbedded embedded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(embedded.FineTunedFeature);
        var bundle = models.Bundle(new ModelVersionId(embedded.ModelName, embedded.ModelVersion));
        var k = bundle.Parameters.K;
        FailureDistance measured;
        double milliseconds;
        using (var span = PipelineActivity.Start(FailureIndexTelemetry.Source, "lookup", embedded.RequestId, bundle.Id.ToString()))
        {
            span?.SetTag("vrf.k", k);
            var started = TimeProvider.System.GetTimestamp();
            measured = (await index.MeasureAsync(bundle.Id, [embedded.FineTunedFeature], k, embedded.NearestFailureCount, cancellationToken))[0];
            milliseconds = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            span?.SetTag("vrf.distance", measured.Distance);
        }
        return new FailureDistanceMeasured(
            embedded.RequestId,
            embedded.ModelName,
            embedded.ModelVersion,
            embedded.ZeroShotLogits,
            embedded.FineTunedLogits,
            measured.Distance,
            k,
            [.. measured.Nearest.Select(failure => new NearestFailure(failure.SampleId, failure.Label, failure.Distance))],
            embedded.EnsembleMode,
            embedded.OseAlpha,
            embedded.TopK,
            [.. embedded.StageTimings ?? [], new StageTiming("failure-lookup", milliseconds)]);
    }
}
