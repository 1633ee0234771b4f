using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Embedding;

/// <summary>
/// Dynamic batching for one model version: images wait in a queue, and a batch runs through both encoders as soon as
/// <see cref="EmbeddingOptions.MaxBatchSize"/> wait or <see cref="EmbeddingOptions.MaxBatchDelayMs"/> after the first
/// of them arrived. Each caller gets its own image's result (or the batch's exception), so every message is still
/// acknowledged or faulted on its own. Each image's trace gets an <c>encode</c> span of its own for the batch it ran in.
/// MassTransit's <c>Batch&lt;T&gt;</c> consumer is not used because it acknowledges, retries and faults a batch as a
/// whole: one corrupt image would fault the images batched with it. Here decoding fails per message, before batching,
/// and the consumer's concurrency limit (at least the batch size) is what lets a batch fill.
/// </summary>
internal sealed partial class EncoderBatcher : IAsyncDisposable
{
    private readonly Channel<PendingImage> _queue =
        Channel.CreateUnbounded<PendingImage>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ModelVersionId _version;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxDelay;
    private readonly ILogger _logger;
    private readonly Task _batches;

    public EncoderBatcher(ModelVersionId version, EmbeddingOptions options, ILogger logger)
    {
        _version = version;
        _maxBatchSize = options.MaxBatchSize;
        _maxDelay = options.MaxBatchDelay;
        _logger = logger;
        // The loop serves every caller: it must not run inside the first caller's trace or other ambient state.
        using (ExecutionContext.SuppressFlow())
        {
            _batches = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues a preprocessed image and completes with its encoder outputs once its batch has run.</summary>
    /// <param name="parent">The span the image's <c>encode</c> span belongs under.</param>
    public Task<EncodedImage> EncodeAsync(ServedModel model, PreprocessedImage image, Guid requestId, ActivityContext parent,
        CancellationToken cancellationToken)
    {
        var pending = new PendingImage(model, image, requestId, parent, TimeProvider.System.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The embedding service is stopping.");
        }
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _batches;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingImage>(_maxBatchSize);
        while (await reader.WaitToReadAsync())
        {
            Take(reader, batch);
            if (batch.Count == 0)
            {
                continue;
            }
            await FillAsync(reader, batch);
            foreach (var group in batch.GroupBy(pending => (pending.Model, pending.Image.Width, pending.Image.Height)))
            {
                Encode([.. group]);
            }
            batch.Clear();
        }
    }

    /// <summary>Waits for more images until the batch is full or its first image has waited the longest it may.</summary>
    private async Task FillAsync(ChannelReader<PendingImage> reader, List<PendingImage> batch)
    {
        while (batch.Count < _maxBatchSize)
        {
            var remaining = _maxDelay - TimeProvider.System.GetElapsedTime(batch[0].QueuedAt);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            using var timeout = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return;
            }
            Take(reader, batch);
        }
    }

    private void Take(ChannelReader<PendingImage> reader, List<PendingImage> batch)
    {
        while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private void Encode(IReadOnlyList<PendingImage> group)
    {
        var startTime = DateTimeOffset.UtcNow;
        var started = TimeProvider.System.GetTimestamp();
        var spans = group.Select(pending =>
            PipelineActivity.Start(EmbeddingTelemetry.Source, "encode", pending.Parent, pending.RequestId, _version.ToString(), startTime)
                ?.SetTag(EmbeddingTelemetry.BatchSizeTag, group.Count)).ToList();
        try
        {
            var embeddings = group[0].Model.Embed([.. group.Select(pending => pending.Image)]);
            var encoding = TimeProvider.System.GetElapsedTime(started);
            for (var i = 0; i < group.Count; i++)
            {
                var waited = TimeProvider.System.GetElapsedTime(group[i].QueuedAt, started);
                group[i].Completion.TrySetResult(new EncodedImage(embeddings[i], waited, encoding, group.Count));
            }
            LogBatch(_version, group.Count, encoding.TotalMilliseconds);
        }
        catch (Exception e)
        {
            LogBatchFailed(_version, group.Count, e);
            foreach (var (pending, span) in group.Zip(spans))
            {
                span?.SetStatus(ActivityStatusCode.Error, e.Message);
                pending.Completion.TrySetException(e);
            }
        }
        finally
        {
            spans.ForEach(span => span?.Dispose());
        }
    }

    private sealed record PendingImage(ServedModel Model, PreprocessedImage Image, Guid RequestId, ActivityContext Parent, long QueuedAt)
    {
        public TaskCompletionSource<EncodedImage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Encoded a batch of {Count} images with {Model} in {Milliseconds:0.0} ms")]
    private partial void LogBatch(ModelVersionId model, int count, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} images failed in the encoders of {Model}")]
    private partial void LogBatchFailed(ModelVersionId model, int count, Exception exception);
}
