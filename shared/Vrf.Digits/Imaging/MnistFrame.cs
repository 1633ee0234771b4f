namespace Vrf.Digits.Imaging;

/// <summary>
/// The geometry of MNIST's framing: the ink's longest side scaled to <see cref="BoxSize"/> pixels, placed by its centre
/// of mass in a <see cref="CanvasSize"/>-pixel square. <see cref="InkThreshold"/> (a fraction of the strongest ink)
/// decides which pixels count when cropping to the ink, so that paper texture and faint specks do not widen the crop.
/// </summary>
public sealed record MnistFrame
{
    public static MnistFrame Mnist { get; } = new();

    public int BoxSize { get; init; } = 20;

    public int CanvasSize { get; init; } = 28;

    public double InkThreshold { get; init; } = 0.1;

    public void Validate()
    {
        if (BoxSize < 1 || CanvasSize < BoxSize || InkThreshold is < 0 or >= 1)
        {
            throw new ArgumentException(
                $"MNIST framing needs 1 <= box size <= canvas size and an ink threshold in [0, 1); got box {BoxSize}, canvas {CanvasSize}, threshold {InkThreshold}.");
        }
    }
}
