using Vrf.Contracts;

namespace Vrf.Gateway.Classification;

/// <summary>The answer of <c>POST /v1/classify</c>: the prediction for one image and what explains it.</summary>
/// <param name="RequestId">The request's id; every message and trace of this image carries it.</param>
/// <param name="ModelName">The model that classified the image.</param>
/// <param name="ModelVersion">The exact version of the model that classified the image.</param>
/// <param name="Mode">How the two models were combined: vrf, zero-shot, fine-tuned or ose.</param>
/// <param name="PredictedClass">The predicted class and its probability under the ensemble.</param>
/// <param name="TopClasses">The most probable classes under the ensemble, most probable first.</param>
/// <param name="Distance">d: squared distance to the K-th nearest zero-shot failure; null if the mode skips it, or when the
/// version's failure set is empty (d is +∞ then: the image is far from every failure, and ω is 0).</param>
/// <param name="DistancePercentile">The share of the version's validation images with a smaller d, in [0, 1] (1: more
/// unusual than every one of them); null when d was not measured or the version recorded no validation distribution.</param>
/// <param name="Weight">ω: the weight the fine-tuned model got (1 − ω went to the zero-shot model).</param>
/// <param name="ZeroShotTopClass">The zero-shot model's own top class and its probability.</param>
/// <param name="FineTunedTopClass">The fine-tuned model's own top class and its probability.</param>
/// <param name="NearestFailures">The nearest zero-shot failures, closest first, when asked for with nearestFailures.</param>
/// <param name="StageTimings">Time spent in each step of the pipeline.</param>
/// <param name="TotalMilliseconds">Time from publishing the request to receiving its result, as the gateway saw it.</param>
public sealed record ClassificationResponse(
    Guid RequestId,
    string ModelName,
    int ModelVersion,
    string Mode,
    PredictedClass PredictedClass,
    IReadOnlyList<ClassProbability> TopClasses,
    double? Distance,
    double? DistancePercentile,
    double Weight,
    ClassProbability ZeroShotTopClass,
    ClassProbability FineTunedTopClass,
    IReadOnlyList<NearestFailure> NearestFailures,
    IReadOnlyList<StageTiming> StageTimings,
    double TotalMilliseconds)
{
    internal static ClassificationResponse From(ImageClassified result, TimeSpan elapsed) => new(
        result.RequestId,
        result.ModelName,
        result.ModelVersion,
        EnsembleModeNames.NameOf(result.EnsembleMode),
        new PredictedClass(result.PredictedClassIndex, result.PredictedClassName,
            result.TopClasses.FirstOrDefault(top => top.Index == result.PredictedClassIndex)?.Probability),
        result.TopClasses,
        result.Distance is { } distance && double.IsFinite(distance) ? distance : null,
        result.DistancePercentile,
        result.Weight,
        result.ZeroShotTopClass,
        result.FineTunedTopClass,
        result.NearestFailures,
        result.StageTimings,
        elapsed.TotalMilliseconds);
}

/// <summary>The predicted class.</summary>
/// <param name="Index">Position of the class in the model's class list.</param>
/// <param name="Name">Class name.</param>
/// <param name="Probability">Its probability under the ensemble (null only if the result's top classes left it out).</param>
public sealed record PredictedClass(int Index, string Name, double? Probability);
