using Vrf.Clip.Preprocessing;
using Vrf.Serving.Datasets;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// Runs a <see cref="WeightSpaceModel"/> at its current α over a dataset in batches, in the dataset's fixed order. An
/// image that cannot be decoded is left out, as the index build and <c>vrf eval</c> leave it out of both models' outputs,
/// so every method is scored on the same images.
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
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var logits = new List<float[]>(dataset.Count);
        var labels = new List<int>(dataset.Count);
        var done = 0;
        foreach (var batch in dataset.Samples.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var images = new List<PreprocessedImage>(batch.Length);
            foreach (var sample in batch)
            {
                try
                {
                    images.Add(model.ImageProcessor.Preprocess(File.ReadAllBytes(sample.Path), sample.Id));
                    labels.Add(sample.Label);
                }
                catch (ImageDecodeException)
                {
                    // Left out, as DatasetEmbedder leaves it out (and records it) for the other methods.
                }
            }
            if (images.Count > 0)
            {
                logits.AddRange(model.Logits(images));
            }
            done += batch.Length;
            progress?.Invoke(done, dataset.Count);
        }
        return labels.Count > 0
            ? new LabelledLogits(logits, labels)
            : throw new DatasetException($"None of the {dataset.Count} images of '{dataset.Folder}' could be decoded.");
    }
}
