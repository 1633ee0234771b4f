using System.ComponentModel.DataAnnotations;
using Vrf.Services.Batching;

namespace Vrf.Services.Embedding;

/// <summary>The <c>Embedding</c> configuration section: how the embedding service batches images for its encoders
/// (defaults: 16 images or 10 ms; 32 messages at once) and how much memory the images it decodes at once may take.</summary>
public sealed class EmbeddingOptions : BatchingOptions
{
    public const string Section = "Embedding";

    public EmbeddingOptions()
    {
        MaxBatchSize = 16;
        MaxBatchDelayMs = 10;
    }

    /// <summary>The memory, in MiB, that the images this process decodes at the same time may take together (1024):
    /// each reserves about <see cref="Vrf.Imaging.ImageDecoder.BytesPerPixel"/> bytes per pixel of its header's size
    /// before it is decoded and waits while the others hold the rest (<see cref="DecodingBudget"/>).</summary>
    [Range(16, 1 << 20)]
    public int DecodingMemoryMiB { get; set; } = 1024;

    protected override string SectionName => Section;
}
