using Vrf.Encoders;
using Vrf.Imaging;

namespace Vrf.Serving.Datasets;

/// <summary>
/// The one loop that runs a model over a dataset: its samples in the dataset's fixed order, in batches, each image
/// decoded and given the evaluation preprocessing. An image that cannot be decoded is left out of its batch and
/// reported (one corrupt file does not sink a run over thousands), so every model run over the same dataset sees the
/// same images.
/// </summary>
public static class DatasetBatches
{
    /// <param name="skipped">Told of each image that cannot be decoded, and why.</param>
    /// <param name="progress">Told after every batch is done with: images done of the dataset's total.</param>
    /// <exception cref="DatasetException">None of the dataset's images could be decoded (once the last batch is reached).</exception>
    /// <exception cref="OperationCanceledException">Cancelled between batches.</exception>
    public static IEnumerable<PreprocessedBatch> Preprocessed(ImageFolderDataset dataset, IImagePreprocessor preprocessor, int batchSize,
        Action<ImageSample, ImageDecodeException>? skipped, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Batches(dataset, preprocessor, batchSize, skipped, progress, cancellationToken);
    }

    private static IEnumerable<PreprocessedBatch> Batches(ImageFolderDataset dataset, IImagePreprocessor preprocessor, int batchSize,
        Action<ImageSample, ImageDecodeException>? skipped, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var (done, kept) = (0, 0);
        foreach (var chunk in dataset.Samples.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = new List<ImageSample>(chunk.Length);
            var images = new List<PreprocessedImage>(chunk.Length);
            foreach (var sample in chunk)
            {
                try
                {
                    images.Add(preprocessor.Preprocess(File.ReadAllBytes(sample.Path), sample.Id));
                    samples.Add(sample);
                }
                catch (ImageDecodeException e)
                {
                    skipped?.Invoke(sample, e);
                }
            }
            if (images.Count > 0)
            {
                kept += images.Count;
                yield return new PreprocessedBatch(samples, images);
            }
            done += chunk.Length;
            progress?.Invoke(done, dataset.Count);
        }
        if (kept == 0)
        {
            throw new DatasetException($"None of the {dataset.Count} images of '{dataset.Folder}' could be decoded.");
        }
    }
}
