namespace Vrf.Method;

/// <summary>The per-model softmax temperatures of the VRF ensemble (1 and 1 = raw logits).</summary>
public sealed record Temperatures(double ZeroShot, double FineTuned);
