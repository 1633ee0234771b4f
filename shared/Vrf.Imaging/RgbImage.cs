namespace Vrf.Imaging;

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

    /// <summary>The pixels of <paramref name="region"/>, which must lie inside the image (PIL's <c>crop</c>).</summary>
    public RgbImage Crop(PixelRegion region)
    {
        if (region.IsEmpty || region.Left < 0 || region.Top < 0 || region.Left + region.Width > Width || region.Top + region.Height > Height)
        {
            throw new ArgumentException(
                $"The crop {region.Width}x{region.Height} at ({region.Left}, {region.Top}) does not lie inside the {Width}x{Height} image.",
                nameof(region));
        }
        var rowBytes = region.Width * Channels;
        var cropped = new byte[region.Height * rowBytes];
        for (var y = 0; y < region.Height; y++)
        {
            Bytes.Slice(((region.Top + y) * Width + region.Left) * Channels, rowBytes).CopyTo(cropped.AsSpan(y * rowBytes));
        }
        return new RgbImage(region.Width, region.Height, cropped);
    }
}
