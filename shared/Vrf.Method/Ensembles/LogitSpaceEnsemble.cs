namespace Vrf.Method;

/// <summary>
/// The logit-space ensemble (LSE, the paper's §5.3 variant): L = ω·proj(z_ft) + (1 − ω)·proj(z_zs) on raw logits,
/// with the VRF weight ω per row and no temperatures.
/// </summary>
public static class LogitSpaceEnsemble
{
    public static Matrix Logits(ModelLogits logits, IReadOnlyList<double> weights, ClassMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var projected = logits.Project(mask);
        return new ScoreMixture(projected.FineTuned, projected.ZeroShot).Mix(weights);
    }

    public static int[] Predict(ModelLogits logits, IReadOnlyList<double> weights, ClassMask? mask = null) =>
        Argmax.Rows(Logits(logits, weights, mask));
}
