namespace Vrf.Contracts;

/// <summary>Event: the result of a <see cref="ClassifyImage"/>, with what explains it. The scorer sends it to the
/// request's <see cref="ClassifyImage.ReplyAddress"/> and publishes it for subscribers (every result, for a monitor).</summary>
/// <param name="RequestId">The request this answers.</param>
/// <param name="ModelName">The model.</param>
/// <param name="ModelVersion">The exact model version that classified the image.</param>
/// <param name="PredictedClassIndex">Index of the predicted class.</param>
/// <param name="PredictedClassName">Name of the predicted class.</param>
/// <param name="TopClasses">The most probable classes under the ensemble, most probable first.</param>
/// <param name="Distance">d, the distance to the K-th nearest zero-shot failure; <c>null</c> when the mode did not
/// measure it.</param>
/// <param name="Weight">ω, the weight the fine-tuned model got (1 − ω went to the zero-shot model).</param>
/// <param name="ZeroShotTopClass">The zero-shot model's own top class and its probability.</param>
/// <param name="FineTunedTopClass">The fine-tuned model's own top class and its probability.</param>
/// <param name="EnsembleMode">The mode that produced the result.</param>
/// <param name="NearestFailures">The nearest zero-shot failures, when the request asked for them; otherwise empty.</param>
/// <param name="StageTimings">Time spent in each step of the pipeline.</param>
/// <param name="DistancePercentile">The share of the version's validation images with a smaller d, in [0, 1]: 1 means
/// more unusual than every validation image (+∞ gives 1). <c>null</c> when d was not measured or the version recorded no
/// validation distribution (indexed without validation images, or before versions recorded one).</param>
public sealed record ImageClassified(
    Guid RequestId,
    string ModelName,
    int ModelVersion,
    int PredictedClassIndex,
    string PredictedClassName,
    IReadOnlyList<ClassProbability> TopClasses,
    double? Distance,
    double Weight,
    ClassProbability ZeroShotTopClass,
    ClassProbability FineTunedTopClass,
    EnsembleMode EnsembleMode,
    IReadOnlyList<NearestFailure> NearestFailures,
    IReadOnlyList<StageTiming> StageTimings,
    double? DistancePercentile = null);
