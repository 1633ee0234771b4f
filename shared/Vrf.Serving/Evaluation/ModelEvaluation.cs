using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;

namespace Vrf.Serving.Evaluation;

/// <summary>The paper's table for one version: every method's top-1 accuracy on the ID split and each OOD split, and
/// what the methods were run with.</summary>
/// <param name="Parameters">The version's served parameters: (a, b), K, the temperatures, the OSE α.</param>
/// <param name="WeightSpace">The weight-space ensemble's α; null when it was not evaluated.</param>
public sealed record ModelEvaluation(
    ModelVersionId Model,
    IReadOnlyList<EvaluationMethod> Methods,
    SplitEvaluation InDistribution,
    IReadOnlyList<SplitEvaluation> OutOfDistribution,
    VrfParameters Parameters,
    WeightSpaceChoice? WeightSpace)
{
    /// <summary>The ID split, then the OOD splits in the order given.</summary>
    public IReadOnlyList<SplitEvaluation> Splits => [InDistribution, .. OutOfDistribution];

    /// <summary>The mean accuracy over the OOD splits; null without any.</summary>
    public double? OutOfDistributionMean(EvaluationMethod method) =>
        OutOfDistribution.Count == 0 ? null : OutOfDistribution.Average(split => split.Accuracies[method]);
}

/// <summary>One split's accuracies per method.</summary>
/// <param name="Images">The images scored (those that could be decoded).</param>
/// <param name="Skipped">The images that could not be decoded.</param>
/// <param name="Cached">True when every output it was scored from came from the cache (no encoder ran).</param>
public sealed record SplitEvaluation(
    string Name,
    string Folder,
    int Images,
    int Skipped,
    bool Cached,
    IReadOnlyDictionary<EvaluationMethod, double> Accuracies);

/// <summary>The weight-space ensemble's α: chosen on the version's validation images (<see cref="Search"/>), or the default without them.</summary>
public sealed record WeightSpaceChoice(double Alpha, WeightSpaceAlphaSearch? Search)
{
    public bool ChosenOnValidation => Search is not null;
}
