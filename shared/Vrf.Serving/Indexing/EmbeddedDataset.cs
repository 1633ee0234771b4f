using Vrf.Method;
using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>Both models' outputs over a dataset's decodable images, in the dataset's order, as the core library takes them.</summary>
public sealed record EmbeddedDataset(
    ModelLogits Logits,
    Matrix FineTunedFeatures,
    IReadOnlyList<int> Labels,
    IReadOnlyList<string> SampleIds,
    IReadOnlyList<SkippedImage> Skipped)
{
    public int Rows => Labels.Count;

    /// <summary>The fine-tuned features as one float array per image, as the failure index takes queries.</summary>
    public IReadOnlyList<float[]> FeatureRows() =>
        [.. Enumerable.Range(0, Rows).Select(row => FineTunedFeatures.Row(row).ToArray().Select(x => (float)x).ToArray())];
}
