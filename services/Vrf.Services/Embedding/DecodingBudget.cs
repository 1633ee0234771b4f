using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Vrf.Imaging;

namespace Vrf.Services.Embedding;

/// <summary>
/// The memory the embedding service's decodes may take at once (<see cref="EmbeddingOptions.DecodingMemoryMiB"/>).
/// Without it, the images of all the messages processed at once were decoded together whatever their size: 32 genuine
/// 100-megapixel images would have asked for about 30 GB. An image reserves its share from its header's size before
/// it is decoded and holds it until it is preprocessed; images wait in arrival order while others hold the rest, and
/// one larger than the whole budget waits for all of it and then runs alone. Thread-safe.
/// </summary>
public sealed class DecodingBudget : IDisposable
{
    private const int BytesPerPermit = 1024;

    private readonly ConcurrencyLimiter _permits;
    private readonly int _permitLimit;

    public DecodingBudget(IOptions<EmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _permitLimit = options.Value.DecodingMemoryMiB * (1024 * 1024 / BytesPerPermit);
        _permits = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _permitLimit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits until an image of <paramref name="pixels"/> pixels may be decoded; the lease gives its share back.</summary>
    public async Task<IDisposable> ReserveAsync(long pixels, CancellationToken cancellationToken)
    {
        var bytes = pixels * ImageDecoder.BytesPerPixel;
        var permits = (int)Math.Clamp((bytes + BytesPerPermit - 1) / BytesPerPermit, 1, _permitLimit);
        var lease = await _permits.AcquireAsync(permits, cancellationToken);
        return lease.IsAcquired ? lease : throw new InvalidOperationException("The decoding budget refused a reservation it should have queued.");
    }

    public void Dispose() => _permits.Dispose();
}
