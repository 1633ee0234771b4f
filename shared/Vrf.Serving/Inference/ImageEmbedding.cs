namespace Vrf.Serving.Inference;

/// <summary>What both encoders make of one image.</summary>
/// <param name="ZeroShotLogits">The zero-shot head's raw logits, one per class.</param>
/// <param name="FineTunedLogits">The fine-tuned head's raw logits, one per class.</param>
/// <param name="FineTunedFeature">The fine-tuned image embedding before the head (not normalised): the failure index's query.</param>
public sealed record ImageEmbedding(float[] ZeroShotLogits, float[] FineTunedLogits, float[] FineTunedFeature);
