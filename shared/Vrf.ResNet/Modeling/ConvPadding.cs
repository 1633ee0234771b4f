namespace Vrf.ResNet.Modeling;

/// <summary>
/// Zero padding around a feature map, possibly different on each side, as an ONNX <c>pads</c> attribute gives it for
/// two spatial axes: <c>[top, left, bottom, right]</c>. CNTK pads a stride-2 window at the start only ("same"
/// padding with the remainder at the end), which <c>torch.nn.Conv2d</c>'s one padding per axis cannot say.
/// </summary>
public sealed record ConvPadding(long Top, long Left, long Bottom, long Right)
{
    /// <summary>The 7x7 stride-2 stem convolution of the CNTK export.</summary>
    public static ConvPadding Stem { get; } = new(3, 3, 2, 2);

    /// <summary>Every 3x3 stride-2 window of the CNTK export (convolutions and the max-pool).</summary>
    public static ConvPadding StrideTwo { get; } = new(1, 1, 0, 0);

    /// <summary>A 3x3 stride-1 convolution that keeps the size.</summary>
    public static ConvPadding Same { get; } = new(1, 1, 1, 1);

    public static ConvPadding None { get; } = new(0, 0, 0, 0);

    public bool IsSymmetric => Top == Bottom && Left == Right;

    /// <summary>The order <c>torch.nn.functional.pad</c> takes for the last two axes: left, right, top, bottom.</summary>
    public long[] TorchOrder => [Left, Right, Top, Bottom];

    /// <summary>The ONNX <c>pads</c> attribute of a 2-D window: begins then ends.</summary>
    public long[] OnnxOrder => [Top, Left, Bottom, Right];

    public override string ToString() => $"[{string.Join(",", OnnxOrder)}]";
}
