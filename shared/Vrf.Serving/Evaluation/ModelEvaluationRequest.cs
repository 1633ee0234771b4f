using Vrf.Serving.Store;

namespace Vrf.Serving.Evaluation;

/// <summary>What <c>vrf eval</c> is asked.</summary>
/// <param name="Model">A ready version (the current one when no version is given).</param>
/// <param name="InDistribution">The ID test images; the version's recorded test split when null.</param>
/// <param name="OutOfDistribution">The shifted test splits, each under its own name.</param>
/// <param name="Methods">The methods to score.</param>
/// <param name="BatchSize">Images per encoder batch; the <c>Inference</c> section's when null.</param>
public sealed record ModelEvaluationRequest(
    ModelReference Model,
    string? InDistribution,
    IReadOnlyList<EvaluationSplit> OutOfDistribution,
    IReadOnlyList<EvaluationMethod> Methods,
    int? BatchSize = null)
{
    /// <summary>The name of the ID split's column and JSON key.</summary>
    public const string InDistributionName = "id";

    /// <summary>The name of the mean over the OOD splits.</summary>
    public const string OutOfDistributionMeanName = "ood_mean";
}
