using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Serving.Scoring;

/// <summary>The answer for one image, as a service publishes it: the prediction and what explains it.</summary>
/// <param name="TopClasses">The most probable classes under the ensemble, most probable first.</param>
/// <param name="Distance">d, when it was measured.</param>
/// <param name="Weight">The fine-tuned model's share (ω for VRF).</param>
/// <param name="ZeroShotTop">The zero-shot model's own top class, with softmax(z_zs).</param>
/// <param name="FineTunedTop">The fine-tuned model's own top class, with softmax(z_ft).</param>
/// <param name="NearestFailures">The nearest zero-shot failures, when they were asked for.</param>
/// <param name="Score">The full probability vectors.</param>
public sealed record Classification(
    ModelVersionId Model,
    ScoringMode Mode,
    ClassScore Predicted,
    IReadOnlyList<ClassScore> TopClasses,
    double? Distance,
    double Weight,
    ClassScore ZeroShotTop,
    ClassScore FineTunedTop,
    IReadOnlyList<NearbyFailure> NearestFailures,
    EnsembleScore Score)
{
    public static Classification From(ModelVersionId model, EnsembleScore score, IReadOnlyList<string> classNames, int topK,
        IReadOnlyList<NearbyFailure> nearestFailures)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(classNames);
        return new Classification(
            model,
            score.Mode,
            new ClassScore(score.PredictedClass, classNames[score.PredictedClass], score.Probabilities[score.PredictedClass]),
            ClassScore.Top(score.Probabilities, classNames, Math.Min(topK, classNames.Count)),
            score.Distance,
            score.Weight,
            ClassScore.Top(score.ZeroShotProbabilities, classNames, 1)[0],
            ClassScore.Top(score.FineTunedProbabilities, classNames, 1)[0],
            nearestFailures,
            score);
    }
}
