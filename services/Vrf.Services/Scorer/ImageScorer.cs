using Vrf.Contracts;
using Vrf.Serving.Failures;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Services.Models;

namespace Vrf.Services.Scorer;

/// <summary>
/// The last step of the classify pipeline: ω from d, the temperatures and the ensemble in the requested mode, with the
/// version's own parameters, and the result with what explains it, d's percentile among the version's validation
/// images included; each result is counted in the scorer's metrics. Stateless apart from the bundles it has read.
/// </summary>
public sealed class ImageScorer(ServedModels models, ValidationDistributions validations, ScorerMetrics metrics)
{
    /// <exception cref="Vrf.Serving.ModelServingException">No such ready version (or retired one still in its grace), or logits that do not have one finite
    /// value per class.</exception>
    /// <exception cref="ArgumentException">An output-space α outside [0, 1], or no distance for VRF.</exception>
    /// <exception cref="Vrf.ServiceDefaults.UnprocessableMessageException">The message breaks a rule of
    /// <see cref="MeasuredImageRules"/>.</exception>
    public ImageClassified Score(FailureDistanceMeasured measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var bundle = models.Started(new ModelVersionId(measured.ModelName, measured.ModelVersion));
        MeasuredImageRules.Validate(measured);
        var classNames = bundle.Manifest.ClassNames;
        Classification classification;
        double milliseconds;
        using (var span = PipelineActivity.Start(ScorerTelemetry.Source, "ensemble", measured.RequestId, bundle.Id.ToString()))
        {
            var started = TimeProvider.System.GetTimestamp();
            var score = EnsembleScorer.Score(measured.ZeroShotLogits, measured.FineTunedLogits, classNames.Count, bundle.Parameters,
                measured.EnsembleMode.ToScoringMode(), measured.Distance, measured.OseAlpha);
            classification = Classification.From(bundle.Id, score, classNames, measured.TopK,
                [.. (measured.NearestFailures ?? []).Select(failure => new NearbyFailure(failure.SampleId, failure.Label, failure.Distance))]);
            milliseconds = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            span?.SetTag("vrf.weight", classification.Weight).SetTag("vrf.predicted", classification.Predicted.Name);
        }
        var classified = new ImageClassified(
            measured.RequestId,
            bundle.Id.Name,
            bundle.Id.Version,
            classification.Predicted.Index,
            classification.Predicted.Name,
            [.. classification.TopClasses.Select(Probability)],
            classification.Distance,
            classification.Weight,
            Probability(classification.ZeroShotTop),
            Probability(classification.FineTunedTop),
            classification.Mode.ToEnsembleMode(),
            measured.NearestFailures ?? [],
            [.. measured.StageTimings ?? [], new StageTiming("score", milliseconds)],
            classification.Distance is { } distance ? validations.Of(bundle)?.PercentileOf(distance) : null);
        metrics.Record(classified);
        return classified;
    }

    private static ClassProbability Probability(ClassScore score) => new(score.Index, score.Name, score.Probability);
}
