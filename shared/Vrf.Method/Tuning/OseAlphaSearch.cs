namespace Vrf.Method;

/// <summary>
/// The OSE α with the best validation accuracy over a grid; ties go to the first grid point (the smallest α on an
/// ascending grid). Keeps the accuracy at every grid point.
/// </summary>
public sealed record OseAlphaSearch(double Alpha, IReadOnlyList<double> Grid, IReadOnlyList<double> Accuracies)
{
    public static OseAlphaSearch Run(ModelLogits validation, IReadOnlyList<int> labels, IReadOnlyList<double> alphaGrid)
    {
        ArgumentNullException.ThrowIfNull(alphaGrid);
        if (alphaGrid.Count == 0)
        {
            throw new ArgumentException("The α grid is empty.", nameof(alphaGrid));
        }
        var ensemble = new OutputSpaceEnsemble(validation);
        double[] accuracies = [.. alphaGrid.Select(alpha => Accuracy.Of(ensemble.Predict(alpha), labels))];
        return new OseAlphaSearch(alphaGrid[Argmax.Of(accuracies)], [.. alphaGrid], accuracies);
    }
}
