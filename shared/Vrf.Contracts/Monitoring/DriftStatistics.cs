namespace Vrf.Contracts;

/// <summary>A drift window's statistics against its version's validation images. A value is <c>null</c> when the
/// window holds nothing it applies to (no result yet, or no result with a measured d).</summary>
/// <param name="ShareAboveP95">The share of the window's d above the validation 95th percentile (5 % in distribution).</param>
/// <param name="BinomialP">The one-sided binomial test of that share against 5 %: P(at least as many above).</param>
/// <param name="Ks">The two-sample Kolmogorov–Smirnov statistic of the window's d against the validation d.</param>
/// <param name="KsP">Its p-value.</param>
/// <param name="MeanOmega">The mean ω, the fine-tuned model's weight, over the window's VRF results.</param>
/// <param name="Disagreement">The share of results whose zero-shot and fine-tuned top classes differ.</param>
/// <param name="ClassChiSquaredP">The chi-squared test of the predicted classes against their validation frequencies
/// (label shift): its p-value.</param>
public sealed record DriftStatistics(
    double? ShareAboveP95,
    double? BinomialP,
    double? Ks,
    double? KsP,
    double? MeanOmega,
    double? Disagreement,
    double? ClassChiSquaredP);
