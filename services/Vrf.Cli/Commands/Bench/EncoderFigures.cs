namespace Vrf.Cli.Commands.Bench;

/// <summary>One row of a model's results: one encoder at one batch size, TorchSharp beside PyTorch.</summary>
/// <param name="Encoder"><c>image</c> or <c>text</c>.</param>
/// <param name="Batch">Images or prompts per forward pass.</param>
/// <param name="TorchSharpPerSecond">TorchSharp's images (or prompts) per second in its fastest run.</param>
/// <param name="TorchSharpMedianPerSecond">The same in its median run.</param>
/// <param name="PyTorchPerSecond">PyTorch's in its fastest run, or null without the peer.</param>
/// <param name="FlopsPerItem">FLOPs per image (or prompt), see <see cref="ClipFlops"/>.</param>
/// <param name="MatmulGflopsPerSecond">The machine's matmul rate measured by TorchSharp.</param>
public sealed record EncoderFigures(
    string Encoder, int Batch, double TorchSharpPerSecond, double TorchSharpMedianPerSecond, double? PyTorchPerSecond, double FlopsPerItem,
    double MatmulGflopsPerSecond)
{
    /// <summary>TorchSharp ÷ PyTorch: above 1, TorchSharp is faster.</summary>
    public double? Ratio => TorchSharpPerSecond / PyTorchPerSecond;

    /// <summary>The FLOP rate TorchSharp reaches in this encoder, in GFLOP/s.</summary>
    public double GflopsPerSecond => FlopsPerItem * TorchSharpPerSecond / 1e9;

    /// <summary>The achieved FLOP rate as a share of the matmul rate.</summary>
    public double Efficiency => GflopsPerSecond / MatmulGflopsPerSecond;
}
