using Vrf.Serving.Datasets;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// Runs a <see cref="WeightSpaceModel"/> at its current α over a dataset in batches (<see cref="DatasetBatches"/>), in
/// the dataset's fixed order. An image that cannot be decoded is left out, as the index build and <c>vrf eval</c> leave
/// it out of both models' outputs, so every method is scored on the same images.
/// </summary>
public static class InterpolatedDatasetLogits
{
    /// <param name="progress">Told after every batch: images done of the dataset's total.</param>
    /// <exception cref="DatasetException">No image of the dataset could be decoded.</exception>
    public static LabelledLogits Compute(WeightSpaceModel model, ImageFolderDataset dataset, int batchSize, Action<int, int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        var logits = new List<float[]>(dataset.Count);
        var labels = new List<int>(dataset.Count);
        foreach (var batch in DatasetBatches.Preprocessed(dataset, model.Preprocessor, batchSize, skipped: null, progress, cancellationToken))
        {
            logits.AddRange(model.Logits(batch.Images));
            labels.AddRange(batch.Samples.Select(sample => sample.Label));
        }
        return new LabelledLogits(logits, labels);
    }
}
