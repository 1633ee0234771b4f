namespace Vrf.Clip.Preprocessing;

/// <summary>
/// An 8-bit RGB image as PIL's <c>convert("RGB")</c> holds it: rows top to bottom, each pixel R, G, B (HWC order).
/// </summary>
public sealed class RgbImage
{
    public const int Channels = 3;

    private readonly byte[] pixels;

    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.LongLength != (long)width * height * Channels)
        {
            throw new ArgumentException(
                $"An RGB image of {width}x{height} needs {(long)width * height * Channels} bytes, not {pixels.LongLength}.",
                nameof(pixels));
        }
        Width = width;
        Height = height;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The bytes in HWC order: <c>(y * Width + x) * 3 + channel</c>.</summary>
    public ReadOnlySpan<byte> Bytes => pixels;

    public byte this[int y, int x, int channel] => pixels[(y * Width + x) * Channels + channel];
}
