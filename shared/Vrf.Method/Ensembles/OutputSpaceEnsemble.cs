namespace Vrf.Method;

/// <summary>
/// The output-space ensemble baseline (OSE): P = α·softmax(proj(z_ft)) + (1 − α)·softmax(proj(z_zs)) with a constant
/// α, on raw logits without temperatures, as in the released <c>baselines.py</c>.
/// </summary>
public sealed class OutputSpaceEnsemble
{
    private readonly ScoreMixture _mixture;

    public OutputSpaceEnsemble(ModelLogits logits, ClassMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var projected = logits.Project(mask);
        _mixture = new ScoreMixture(Softmax.Rows(projected.FineTuned), Softmax.Rows(projected.ZeroShot));
    }

    public Matrix Probabilities(double alpha) => _mixture.Mix(Constant(alpha));

    public int[] Predict(double alpha) => _mixture.Predict(Constant(alpha));

    private double[] Constant(double alpha) => Enumerable.Repeat(alpha, _mixture.Rows).ToArray();
}
