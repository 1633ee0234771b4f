namespace Vrf.Contracts;

/// <summary>Event: the failure-index service measured how far the image is from the model's zero-shot failures.
/// Consumed by the scorer.</summary>
/// <param name="RequestId">The request this image belongs to.</param>
/// <param name="ModelName">The model.</param>
/// <param name="ModelVersion">The exact model version the features came from.</param>
/// <param name="ZeroShotLogits">Raw logits of the zero-shot model, passed on from <see cref="ImageEmbedded"/>.</param>
/// <param name="FineTunedLogits">Raw logits of the fine-tuned model, passed on from <see cref="ImageEmbedded"/>.</param>
/// <param name="Distance">d: squared L2 distance to the <paramref name="K"/>-th nearest zero-shot failure, in [0, 4].</param>
/// <param name="K">Which neighbour <paramref name="Distance"/> was measured to.</param>
/// <param name="NearestFailures">The nearest failures, closest first, when the request asked for them; otherwise empty.</param>
/// <param name="EnsembleMode">The requested ensemble mode.</param>
/// <param name="OseAlpha">The requested output-space weight, if any.</param>
/// <param name="TopK">How many classes the result lists.</param>
/// <param name="StageTimings">Time spent so far, one entry per step.</param>
/// <param name="ReplyAddress">Where the outcome is sent, from <see cref="ClassifyImage.ReplyAddress"/>.</param>
public sealed record FailureDistanceMeasured(
    Guid RequestId,
    string ModelName,
    int ModelVersion,
    float[] ZeroShotLogits,
    float[] FineTunedLogits,
    double Distance,
    int K,
    IReadOnlyList<NearestFailure> NearestFailures,
    EnsembleMode EnsembleMode,
    double? OseAlpha,
    int TopK,
    IReadOnlyList<StageTiming> StageTimings,
    Uri? ReplyAddress = null);
