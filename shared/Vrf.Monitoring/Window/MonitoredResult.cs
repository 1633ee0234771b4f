namespace Vrf.Monitoring;

/// <summary>What the monitor takes from one served result.</summary>
/// <param name="PredictedClass">The class the served result predicted.</param>
/// <param name="ZeroShotClass">The zero-shot model's own top class.</param>
/// <param name="FineTunedClass">The fine-tuned model's own top class.</param>
/// <param name="Distance">d, the distance to the K-th nearest zero-shot failure; <c>null</c> when the serving mode did
/// not measure it (such results count toward the class histogram and the disagreement rate only).</param>
/// <param name="Weight">ω, the fine-tuned model's weight, when it came from <paramref name="Distance"/>; <c>null</c>
/// otherwise.</param>
public sealed record MonitoredResult(int PredictedClass, int ZeroShotClass, int FineTunedClass, double? Distance, double? Weight);
