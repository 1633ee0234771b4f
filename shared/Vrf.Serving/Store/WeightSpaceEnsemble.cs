namespace Vrf.Serving.Store;

/// <summary>
/// How a weight-space ensemble version (WiSE-FT) was made: its fine-tuned image tower and head are
/// θ = (1 − α)·θ_zs + α·θ_ft of <see cref="SourceVersion"/>'s, parameter by parameter.
/// </summary>
/// <param name="SourceVersion">The version of the same model whose zero-shot and fine-tuned weights were interpolated.</param>
/// <param name="Alpha">The fine-tuned weights' share, 0 to 1.</param>
/// <param name="ChosenOnValidation">True when α was the best of the grid on the validation images; false when it was given.</param>
/// <param name="ValidationAccuracies">The validation accuracy at every α of the grid; empty when α was given.</param>
public sealed record WeightSpaceEnsemble(
    int SourceVersion,
    double Alpha,
    bool ChosenOnValidation,
    IReadOnlyList<AlphaAccuracy> ValidationAccuracies);

/// <summary>The top-1 accuracy of the interpolated model at one α.</summary>
public sealed record AlphaAccuracy(double Alpha, double Accuracy);
