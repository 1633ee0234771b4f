using Vrf.Contracts;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services.Batching;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// The failure-index step of the classify pipeline: d, the distance from the image's fine-tuned feature to the K-th
/// nearest zero-shot failure of the exact model version that embedded it (K from the version's parameters), and the
/// nearest failures when the request asked for them. d is measured in every mode, so every result can show it. Look-ups
/// of one version are batched (<see cref="LookupBatchers"/>).
/// </summary>
public sealed class FailureDistanceLookup(ServedModels models, LookupBatchers batchers)
{
    /// <exception cref="Vrf.Serving.ModelServingException">No such ready version (or retired one still in its grace), logits that do not have one finite
    /// value per class, or a feature of the wrong size or without a direction.</exception>
    /// <exception cref="Vrf.ServiceDefaults.UnprocessableMessageException">The message breaks a rule of
    /// <see cref="ImageEmbeddedRules"/>.</exception>
    public async Task<FailureDistanceMeasured> MeasureAsync(ImageEmbedded embedded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        var bundle = models.Started(new ModelVersionId(embedded.ModelName, embedded.ModelVersion));
        ImageEmbeddedRules.Validate(embedded, bundle);
        var k = bundle.Parameters.K;
        Batched<FailureDistance> batched;
        using (var span = PipelineActivity.Start(FailureIndexTelemetry.Source, "lookup", embedded.RequestId, bundle.Id.ToString()))
        {
            span?.SetTag("vrf.k", k);
            batched = await batchers.MeasureAsync(bundle.Id, embedded.FineTunedFeature, k, embedded.NearestFailureCount, cancellationToken);
            span?.SetTag("vrf.distance", batched.Result.Distance).SetTag(FailureIndexTelemetry.BatchSizeTag, batched.BatchSize);
        }
        var measured = batched.Result;
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
            [.. embedded.StageTimings ?? [], new StageTiming("lookup-wait", batched.Waited.TotalMilliseconds),
                new StageTiming("failure-lookup", batched.Running.TotalMilliseconds)],
            embedded.ReplyAddress);
    }
}
