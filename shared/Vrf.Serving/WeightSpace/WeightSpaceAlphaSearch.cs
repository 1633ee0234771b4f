using Vrf.Method;
using Vrf.Method.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// WiSE-FT's α chosen on validation: the interpolated model's top-1 accuracy at every α of the grid (0, 0.1, …, 1 by
/// default); the best wins, ties going to the first grid point.
/// </summary>
public sealed record WeightSpaceAlphaSearch(double Alpha, IReadOnlyList<double> Grid, IReadOnlyList<double> Accuracies)
{
    /// <summary>The α used when there are no validation images to choose it on: an even mix.</summary>
    public const double DefaultAlpha = 0.5;

    /// <summary>0.0, 0.1, …, 1.0: the grid the OSE α is searched on.</summary>
    public static IReadOnlyList<double> DefaultGrid => EvaluationParameters.DefaultOseAlphaGrid;

    /// <param name="validationLogitsAt">The interpolated model's validation logits at an α.</param>
    public static WeightSpaceAlphaSearch Run(IReadOnlyList<double> grid, Func<double, LabelledLogits> validationLogitsAt)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(validationLogitsAt);
        if (grid.Count == 0)
        {
            throw new ArgumentException("The α grid is empty.", nameof(grid));
        }
        double[] accuracies = [.. grid.Select(alpha => validationLogitsAt(alpha).Accuracy())];
        return new WeightSpaceAlphaSearch(grid[Argmax.Of(accuracies)], [.. grid], accuracies);
    }

    /// <summary>The accuracy at every α, as the manifest records it.</summary>
    public IReadOnlyList<AlphaAccuracy> PerAlpha() => [.. Grid.Zip(Accuracies, (alpha, accuracy) => new AlphaAccuracy(alpha, accuracy))];
}
