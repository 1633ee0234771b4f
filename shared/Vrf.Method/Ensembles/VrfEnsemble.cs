namespace Vrf.Method;

/// <summary>
/// The VRF ensemble in probability space: P = ω·softmax(proj(z_ft) / T_ft) + (1 − ω)·softmax(proj(z_zs) / T_zs),
/// with a per-row weight ω. Both softmaxes are computed once, so many weightings (a grid search) are cheap.
/// </summary>
public sealed class VrfEnsemble
{
    private readonly ScoreMixture _mixture;

    public VrfEnsemble(ModelLogits logits, Temperatures temperatures, ClassMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(temperatures);
        var projected = logits.Project(mask);
        _mixture = new ScoreMixture(
            Softmax.Rows(projected.FineTuned, temperatures.FineTuned),
            Softmax.Rows(projected.ZeroShot, temperatures.ZeroShot));
    }

    public Matrix Probabilities(IReadOnlyList<double> weights) => _mixture.Mix(weights);

    public int[] Predict(IReadOnlyList<double> weights) => _mixture.Predict(weights);
}
