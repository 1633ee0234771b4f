using Vrf.Serving.Indexing;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// Both served models' outputs over a split's decodable images, in the dataset's order, exactly as the embedding
/// service makes them (float32): what every method but the weight-space ensemble is scored from.
/// </summary>
/// <param name="Skipped">Images that could not be decoded and were left out.</param>
public sealed record SplitOutputs(
    IReadOnlyList<float[]> ZeroShotLogits,
    IReadOnlyList<float[]> FineTunedLogits,
    IReadOnlyList<float[]> FineTunedFeatures,
    IReadOnlyList<int> Labels,
    int Skipped)
{
    public int Rows => Labels.Count;

    /// <summary>The float32 outputs behind a dataset embedding (its doubles are widened floats, so this is exact).</summary>
    public static SplitOutputs From(EmbeddedDataset embedded)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        return new SplitOutputs(
            FloatRows(embedded.Logits.ZeroShot),
            FloatRows(embedded.Logits.FineTuned),
            embedded.FeatureRows(),
            embedded.Labels,
            embedded.Skipped.Count);
    }

    private static float[][] FloatRows(Method.Matrix matrix) =>
        [.. Enumerable.Range(0, matrix.Rows).Select(row => matrix.Row(row).ToArray().Select(x => (float)x).ToArray())];
}
