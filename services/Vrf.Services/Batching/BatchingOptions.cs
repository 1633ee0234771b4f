using System.ComponentModel.DataAnnotations;

namespace Vrf.Services.Batching;

/// <summary>
/// How a service gathers messages into batches: a batch runs as soon as N messages of one model version wait, or T ms
/// after the first of them arrived. Each batching service binds these from its own configuration section.
/// </summary>
public abstract class BatchingOptions : IValidatableObject
{
    /// <summary>N: a batch runs as soon as this many messages of one model version wait.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; }

    /// <summary>T: a batch runs at the latest this many milliseconds after its first message arrived, however few wait.</summary>
    [Range(0, 60_000)]
    public int MaxBatchDelayMs { get; set; }

    /// <summary>Messages taken from the queue at once; at least <see cref="MaxBatchSize"/> (or batches never fill) and by
    /// default twice it, so the next batch gathers while the current one runs.</summary>
    [Range(1, 8192)]
    public int? ConcurrentMessageLimit { get; set; }

    public int EffectiveConcurrentMessageLimit => ConcurrentMessageLimit ?? 2 * MaxBatchSize;

    public TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(MaxBatchDelayMs);

    /// <summary>The configuration section the options are bound from, for validation messages.</summary>
    protected abstract string SectionName { get; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConcurrentMessageLimit < MaxBatchSize)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(ConcurrentMessageLimit)} ({ConcurrentMessageLimit}) must be at least {SectionName}:{nameof(MaxBatchSize)} ({MaxBatchSize}): a batch can only hold messages being processed.",
                [nameof(ConcurrentMessageLimit)]);
        }
    }
}
