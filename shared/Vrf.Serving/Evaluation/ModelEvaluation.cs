using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;

namespace Vrf.Serving.Evaluation;

/// <summary>The paper's table for one version: every method's top-1 accuracy on the ID split and each OOD split, and
/// what the methods were run with.</summary>
/// <param name="Parameters">The version's served parameters: (a, b), K, the temperatures, the OSE α.</param>
/// <param name="WeightSpace">The weight-space ensemble's α; null when it was not evaluated.</param>
/// <param name="ClassCount">The model's classes.</param>
/// <param name="MonitorNotTried">Why the drift monitor's trials (<see cref="SplitDiagnostics"/>) were not run; null when
/// they were.</param>
public sealed record ModelEvaluation(
    ModelVersionId Model,
    int ClassCount,
    IReadOnlyList<EvaluationMethod> Methods,
    SplitEvaluation InDistribution,
    IReadOnlyList<SplitEvaluation> OutOfDistribution,
    VrfParameters Parameters,
    WeightSpaceChoice? WeightSpace,
    string? MonitorNotTried = null)
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
/// <param name="Classes">The classes the split was scored over: the model's, or fewer for a split that holds only some
/// (the others' logits masked).</param>
public sealed record SplitEvaluation(
    string Name,
    string Folder,
    int Images,
    int Skipped,
    bool Cached,
    IReadOnlyDictionary<EvaluationMethod, double> Accuracies,
    SplitDiagnostics Diagnostics,
    int Classes);

/// <summary>What a split says about the method's room to help.</summary>
/// <param name="Headroom">The share of the split's images the zero-shot model gets right and the fine-tuned one wrong:
/// no weighting of the two can gain more over the fine-tuned model.</param>
/// <param name="DistanceAuroc">The AUROC of d separating the split's images from the ID images (ties half); null for
/// the ID split itself.</param>
/// <param name="FalseAlarms">The ID split only: the drift monitor's alarms over in-distribution traffic replayed from
/// it; null for the OOD splits, or when the version has no validation distribution to monitor against.</param>
/// <param name="Detection">An OOD split only: how soon the drift monitor raised its alarm when traffic switched from
/// the ID split to this one; null for the ID split, or without a validation distribution.</param>
public sealed record SplitDiagnostics(double Headroom, double? DistanceAuroc, FalseAlarms? FalseAlarms = null, ShiftDetectionDelay? Detection = null);

/// <summary>The weight-space ensemble's α: chosen on the version's validation images (<see cref="Search"/>), or the default without them.</summary>
public sealed record WeightSpaceChoice(double Alpha, WeightSpaceAlphaSearch? Search)
{
    public bool ChosenOnValidation => Search is not null;
}
