using Microsoft.Extensions.Logging;
using Vrf.Method;
using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Serving.Indexing;

/// <summary>
/// Runs a served model over a dataset in batches (<see cref="DatasetBatches"/>), in the dataset's fixed order, with the
/// evaluation preprocessing. An image that cannot be decoded is skipped and recorded.
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
        var embeddings = new List<ImageEmbedding>(dataset.Count);
        var kept = new List<ImageSample>(dataset.Count);
        var skipped = new List<SkippedImage>();
        foreach (var batch in DatasetBatches.Preprocessed(dataset, model.Preprocessor, batchSize, (sample, e) =>
                 {
                     skipped.Add(new SkippedImage(split, sample.Id, e.Reason));
                     LogSkipped(model.Id, split, sample.Id, e.Reason);
                 }, progress, cancellationToken))
        {
            embeddings.AddRange(model.Embed(batch.Images));
            kept.AddRange(batch.Samples);
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
