using Vrf.Services.Batching;

namespace Vrf.Services.Embedding;

/// <summary>The <c>Embedding</c> configuration section: how the embedding service batches images for its encoders
/// (defaults: 16 images or 10 ms; 32 messages at once).</summary>
public sealed class EmbeddingOptions : BatchingOptions
{
    public const string Section = "Embedding";

    public EmbeddingOptions()
    {
        MaxBatchSize = 16;
        MaxBatchDelayMs = 10;
    }

    protected override string SectionName => Section;
}
