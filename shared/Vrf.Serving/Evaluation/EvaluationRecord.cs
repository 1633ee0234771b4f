namespace Vrf.Serving.Evaluation;

/// <summary>
/// The last table <c>vrf eval</c> computed for a version, as <see cref="EvaluationRecords"/> keeps it: accuracies per
/// method (<c>zs</c>, <c>ft</c>, <c>ose</c>, <c>wse</c>, <c>vrf</c>) and split, in [0, 1].
/// </summary>
/// <param name="EvaluatedAt">When the table was computed.</param>
/// <param name="Methods">The methods evaluated, by their short names, in the table's order.</param>
/// <param name="Splits">The ID split, then each OOD split in the order given.</param>
/// <param name="OutOfDistributionMean">Each method's mean accuracy over the OOD splits; null without any.</param>
/// <param name="WeightSpaceAlpha">The weight-space ensemble's α; null when it was not evaluated.</param>
public sealed record EvaluationRecord(
    DateTimeOffset EvaluatedAt,
    IReadOnlyList<string> Methods,
    IReadOnlyList<EvaluatedSplit> Splits,
    IReadOnlyDictionary<string, double>? OutOfDistributionMean,
    double? WeightSpaceAlpha)
{
    /// <summary>The record of <paramref name="evaluation"/>, computed at <paramref name="evaluatedAt"/>.</summary>
    public static EvaluationRecord From(ModelEvaluation evaluation, DateTimeOffset evaluatedAt)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new EvaluationRecord(
            evaluatedAt,
            [.. evaluation.Methods.Select(method => method.Key())],
            [.. evaluation.Splits.Select(split => new EvaluatedSplit(split.Name, split.Folder, split.Images, split.Skipped,
                split.Accuracies.ToDictionary(accuracy => accuracy.Key.Key(), accuracy => accuracy.Value)))],
            evaluation.OutOfDistribution.Count == 0
                ? null
                : evaluation.Methods.ToDictionary(method => method.Key(), method => evaluation.OutOfDistributionMean(method)!.Value),
            evaluation.WeightSpace?.Alpha);
    }
}

/// <summary>One split of an <see cref="EvaluationRecord"/>.</summary>
/// <param name="Name"><c>id</c>, or the OOD split's name.</param>
/// <param name="Folder">The ImageFolder it was read from.</param>
/// <param name="Images">The images scored.</param>
/// <param name="Skipped">The images that could not be decoded.</param>
/// <param name="Accuracies">Top-1 accuracy per method's short name, in [0, 1].</param>
public sealed record EvaluatedSplit(string Name, string Folder, int Images, int Skipped, IReadOnlyDictionary<string, double> Accuracies);
