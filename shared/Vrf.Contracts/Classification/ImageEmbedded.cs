namespace Vrf.Contracts;

/// <summary>Event: the embedding service ran both encoders on the image of a <see cref="ClassifyImage"/>.
/// Consumed by the failure-index service.</summary>
/// <param name="RequestId">The request this image belongs to.</param>
/// <param name="ModelName">The model that embedded it.</param>
/// <param name="ModelVersion">The resolved model version (never "current": later stages use this exact one).</param>
/// <param name="ZeroShotLogits">Raw logits of the zero-shot model, one per class.</param>
/// <param name="FineTunedLogits">Raw logits of the fine-tuned model, one per class.</param>
/// <param name="FineTunedFeature">The fine-tuned image-encoder output before the head (not yet normalised).</param>
/// <param name="EnsembleMode">The requested ensemble mode, resolved.</param>
/// <param name="OseAlpha">The requested output-space weight, if any.</param>
/// <param name="TopK">How many classes the result lists.</param>
/// <param name="NearestFailureCount">How many nearest failures the explanation includes.</param>
/// <param name="StageTimings">Time spent so far, one entry per step.</param>
/// <param name="ReplyAddress">Where the outcome is sent, from <see cref="ClassifyImage.ReplyAddress"/>.</param>
public sealed record ImageEmbedded(
    Guid RequestId,
    string ModelName,
    int ModelVersion,
    float[] ZeroShotLogits,
    float[] FineTunedLogits,
    float[] FineTunedFeature,
    EnsembleMode EnsembleMode,
    double? OseAlpha,
    int TopK,
    int NearestFailureCount,
    IReadOnlyList<StageTiming> StageTimings,
    Uri? ReplyAddress = null);
