using System.ComponentModel.DataAnnotations;

namespace Vrf.Serving.Inference;

/// <summary>The <c>Inference</c> configuration section: where models run and how many images go through them at once.</summary>
public sealed class InferenceOptions
{
    public const string Section = "Inference";

    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    [Required]
    public string Device { get; set; } = "cpu";

    /// <summary>Images per encoder batch when indexing a dataset.</summary>
    [Range(1, 4096)]
    public int BatchSize { get; set; } = 32;
}
