namespace Vrf.Method;

/// <summary>
/// The (a, b) of the VRF weight with the best validation accuracy, given the validation rows' distances and the
/// fitted temperatures. Scans a ascending and, inside each a, b ascending; ties go to the first cell in that order.
/// <see cref="Accuracies"/>[i][j] is the accuracy at (a_i, b_j).
/// </summary>
public sealed record VrfParameterSearch(
    EnsembleWeight Best,
    IReadOnlyList<double> AGrid,
    IReadOnlyList<double> BGrid,
    IReadOnlyList<IReadOnlyList<double>> Accuracies)
{
    public static VrfParameterSearch Run(ModelLogits validation, IReadOnlyList<int> labels, IReadOnlyList<double> distances,
        Temperatures temperatures, IReadOnlyList<double> aGrid, IReadOnlyList<double> bGrid)
    {
        ArgumentNullException.ThrowIfNull(aGrid);
        ArgumentNullException.ThrowIfNull(bGrid);
        if (aGrid.Count == 0 || bGrid.Count == 0)
        {
            throw new ArgumentException("The (a, b) grid is empty.");
        }
        var ensemble = new VrfEnsemble(validation, temperatures);
        var accuracies = new double[aGrid.Count][];
        var flat = new double[aGrid.Count * bGrid.Count];
        for (var i = 0; i < aGrid.Count; i++)
        {
            accuracies[i] = new double[bGrid.Count];
            for (var j = 0; j < bGrid.Count; j++)
            {
                var weights = new EnsembleWeight(aGrid[i], bGrid[j]).At(distances);
                accuracies[i][j] = flat[i * bGrid.Count + j] = Accuracy.Of(ensemble.Predict(weights), labels);
            }
        }
        var best = Argmax.Of(flat);
        return new VrfParameterSearch(
            new EnsembleWeight(aGrid[best / bGrid.Count], bGrid[best % bGrid.Count]), [.. aGrid], [.. bGrid], accuracies);
    }
}
