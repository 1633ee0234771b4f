using System.ComponentModel.DataAnnotations;

namespace Vrf.Services.Embedding;

/// <summary>The <c>Embedding</c> configuration section: how the embedding service batches images for its encoders.</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string Section = "Embedding";

    /// <summary>N: a batch runs as soon as this many images of one model version wait.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>T: a batch runs at the latest this many milliseconds after its first image arrived, however few wait.</summary>
    [Range(0, 60_000)]
    public int MaxBatchDelayMs { get; set; } = 10;

    /// <summary>Messages taken from the queue at once; at least <see cref="MaxBatchSize"/> (or batches never fill) and by
    /// default twice it, so the next batch is decoded while the current one runs.</summary>
    [Range(1, 8192)]
    public int? ConcurrentMessageLimit { get; set; }

    public int EffectiveConcurrentMessageLimit => ConcurrentMessageLimit ?? 2 * MaxBatchSize;

    public TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(MaxBatchDelayMs);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConcurrentMessageLimit < MaxBatchSize)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ConcurrentMessageLimit)} ({ConcurrentMessageLimit}) must be at least {Section}:{nameof(MaxBatchSize)} ({MaxBatchSize}): a batch can only hold messages being processed.",
                [nameof(ConcurrentMessageLimit)]);
        }
    }
}
