using static TorchSharp.torch;

namespace Vrf.Clip;

/// <summary>Where and in which precision a CLIP model folder is loaded.</summary>
public sealed record ClipLoadOptions
{
    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The weights' element type; checkpoint tensors of another type are converted while loading.</summary>
    public ScalarType DType { get; init; } = ScalarType.Float32;
}
