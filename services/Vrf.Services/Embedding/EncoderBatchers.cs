using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vrf.Encoders;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Embedding;

/// <summary>One <see cref="EncoderBatcher"/> per model version, made when the version's first image arrives, so images
/// of different versions never share a batch.</summary>
public sealed class EncoderBatchers(IOptions<EmbeddingOptions> options, ILogger<EncoderBatchers> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<EncoderBatcher>> _batchers = new();

    /// <summary>Queues an image for its model version's next batch; completes with its encoder outputs.</summary>
    public Task<EncodedImage> EncodeAsync(ServedModel model, PreprocessedImage image, Guid requestId, ActivityContext parent,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var batcher = _batchers.GetOrAdd(model.Id, id => new Lazy<EncoderBatcher>(() => new EncoderBatcher(id, options.Value, logger)));
        return batcher.Value.EncodeAsync(model, image, requestId, parent, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in _batchers.Values.Where(batcher => batcher.IsValueCreated))
        {
            await batcher.Value.DisposeAsync();
        }
    }
}
