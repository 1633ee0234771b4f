using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Services.Batching;
using Vrf.Services.Models;

namespace Vrf.Services.Embedding;

/// <summary>
/// Dynamic batching for the encoders, per model version (<see cref="EmbeddingOptions"/>: N images or T ms): a batch runs
/// through both encoders at once, each image's trace gets an <c>encode</c> span of its own for the batch it ran in, and
/// the batch's size goes to <see cref="BatchSizes"/> on the embedding service's meter.
/// Decoding fails per message, before batching, so one corrupt image never faults the images batched with it.
/// </summary>
public sealed partial class EncoderBatchers : IAsyncDisposable, IVersionResources
{
    private readonly VersionBatchers<ImageToEncode, ImageEmbedding> _batchers;
    private readonly ILogger<EncoderBatchers> _logger;

    public EncoderBatchers(IOptions<EmbeddingOptions> options, IMeterFactory meters, ILogger<EncoderBatchers> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _batchers = new(options.Value, (version, images) => Task.FromResult<IReadOnlyList<ImageEmbedding>>(Encode(version, images)),
            new BatchSizes(meters, EmbeddingTelemetry.SourceName, ServiceNames.Embedding));
    }

    /// <summary>Queues a preprocessed image for its model version's next batch; completes with its encoder outputs.</summary>
    /// <param name="parent">The span the image's <c>encode</c> span belongs under.</param>
    public async Task<EncodedImage> EncodeAsync(ServedModel model, PreprocessedImage image, Guid requestId, ActivityContext parent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var encoded = await _batchers.AddAsync(model.Id, new ImageToEncode(model, image, requestId, parent), cancellationToken);
        return new EncodedImage(encoded.Result, encoded.Waited, encoded.Running, encoded.BatchSize);
    }

    /// <summary>Stops the version's batch queue (a retired version's) once its images have run.</summary>
    public void Release(ModelVersionId version) => _batchers.Release(version);

    public ValueTask DisposeAsync() => _batchers.DisposeAsync();

    /// <summary>Runs the batch's images through the encoders, those of one loaded model and input size together.</summary>
    private ImageEmbedding[] Encode(ModelVersionId version, IReadOnlyList<ImageToEncode> images)
    {
        var embeddings = new ImageEmbedding[images.Count];
        foreach (var group in Enumerable.Range(0, images.Count).GroupBy(i => (images[i].Model, images[i].Image.Width, images[i].Image.Height)))
        {
            var members = group.ToList();
            var startTime = DateTimeOffset.UtcNow;
            var started = TimeProvider.System.GetTimestamp();
            var spans = members.Select(i => PipelineActivity.Start(EmbeddingTelemetry.Source, "encode", images[i].Parent, images[i].RequestId,
                version.ToString(), startTime)?.SetTag(EmbeddingTelemetry.BatchSizeTag, members.Count)).ToList();
            try
            {
                var encoded = group.Key.Model.Embed([.. members.Select(i => images[i].Image)]);
                for (var j = 0; j < members.Count; j++)
                {
                    embeddings[members[j]] = encoded[j];
                }
                LogBatch(version, members.Count, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception e)
            {
                LogBatchFailed(version, members.Count, e);
                spans.ForEach(span => span?.SetStatus(ActivityStatusCode.Error, e.Message));
                throw;
            }
            finally
            {
                spans.ForEach(span => span?.Dispose());
            }
        }
        return embeddings;
    }

    private sealed record ImageToEncode(ServedModel Model, PreprocessedImage Image, Guid RequestId, ActivityContext Parent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Encoded a batch of {Count} images with {Model} in {Milliseconds:0.0} ms")]
    private partial void LogBatch(ModelVersionId model, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} images failed in the encoders of {Model}")]
    private partial void LogBatchFailed(ModelVersionId model, int count, Exception exception);
}
