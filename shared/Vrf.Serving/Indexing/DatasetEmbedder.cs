using Microsoft.Extensions.Logging;
using Vrf.Clip.Preprocessing;
using Vrf.Method;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>
/// Runs a served model over a dataset in batches, in the dataset's fixed order, with the evaluation preprocessing.
/// An image that cannot be decoded is skipped and recorded (one corrupt file does not sink an import of thousands).
/// </summary>
public sealed partial class DatasetEmbedder(ILogger<DatasetEmbedder> logger)
{
    /// <param name="split">The split's name in skipped-image records (<c>train</c>, <c>validation</c>).</param>
    /// <param name="progress">Told after every batch: images done of the dataset's total.</param>
    public EmbeddedDataset Embed(ServedModel model, ImageFolderDataset dataset, string split, int batchSize,
        Action<int, int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var embeddings = new List<ImageEmbedding>(dataset.Count);
        var kept = new List<ImageSample>(dataset.Count);
        var skipped = new List<SkippedImage>();
        var done = 0;
        foreach (var batch in dataset.Samples.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var images = new List<PreprocessedImage>(batch.Length);
            foreach (var sample in batch)
            {
                try
                {
                    images.Add(model.Preprocess(File.ReadAllBytes(sample.Path), sample.Id));
                    kept.Add(sample);
                }
                catch (ImageDecodeException e)
                {
                    skipped.Add(new SkippedImage(split, sample.Id, e.Reason));
                    LogSkipped(model.Id, split, sample.Id, e.Reason);
                }
            }
            if (images.Count > 0)
            {
                embeddings.AddRange(model.Embed(images));
            }
            done += batch.Length;
            progress?.Invoke(done, dataset.Count);
        }
        if (kept.Count == 0)
        {
            throw new DatasetException($"None of the {dataset.Count} images of '{dataset.Folder}' could be decoded.");
        }
        return new EmbeddedDataset(
            new ModelLogits(ToMatrix(embeddings, e => e.ZeroShotLogits), ToMatrix(embeddings, e => e.FineTunedLogits)),
            ToMatrix(embeddings, e => e.FineTunedFeature),
            [.. kept.Select(sample => sample.Label)],
            [.. kept.Select(sample => sample.Id)],
            skipped);
    }

    private static Matrix ToMatrix(List<ImageEmbedding> embeddings, Func<ImageEmbedding, float[]> part)
    {
        var columns = part(embeddings[0]).Length;
        return new Matrix(embeddings.Count, columns, [.. embeddings.SelectMany(e => part(e).Select(x => (double)x))]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing {Model}: skipped {Split} image {SampleId}: {Reason}")]
    private partial void LogSkipped(ModelVersionId model, string split, string sampleId, string reason);
}
