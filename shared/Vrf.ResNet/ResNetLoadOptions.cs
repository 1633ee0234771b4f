namespace Vrf.ResNet;

/// <summary>How to load a ResNet encoder.</summary>
public sealed record ResNetLoadOptions
{
    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The input size to use instead of the one the model was saved with (a multiple of 32).</summary>
    public int? ImageSize { get; init; }
}
