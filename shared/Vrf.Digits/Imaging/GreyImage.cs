using Vrf.Imaging;

namespace Vrf.Digits.Imaging;

/// <summary>An 8-bit single-channel image, rows top to bottom (MNIST's layout: 0 black, 255 white).</summary>
public sealed class GreyImage
{
    private readonly byte[] pixels;

    public GreyImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException($"A grey image of {width}x{height} needs {(long)width * height} bytes, not {pixels.LongLength}.", nameof(pixels));
        }
        Width = width;
        Height = height;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The bytes row by row: <c>y * Width + x</c>.</summary>
    public ReadOnlySpan<byte> Bytes => pixels;

    public byte this[int y, int x] => pixels[y * Width + x];

    /// <summary>PIL's <c>convert("L")</c>: L = (19595 R + 38470 G + 7471 B + 2^15) >> 16 (ITU-R 601-2 luma).</summary>
    public static GreyImage FromRgb(RgbImage image)
    {
        var rgb = image.Bytes;
        var grey = new byte[image.Width * image.Height];
        for (var i = 0; i < grey.Length; i++)
        {
            var at = i * RgbImage.Channels;
            grey[i] = (byte)((rgb[at] * 19595 + rgb[at + 1] * 38470 + rgb[at + 2] * 7471 + 0x8000) >> 16);
        }
        return new GreyImage(image.Width, image.Height, grey);
    }

    /// <summary>The grey value replicated into R, G and B.</summary>
    public RgbImage ToRgb()
    {
        var rgb = new byte[pixels.Length * RgbImage.Channels];
        for (var i = 0; i < pixels.Length; i++)
        {
            rgb[i * 3] = rgb[i * 3 + 1] = rgb[i * 3 + 2] = pixels[i];
        }
        return new RgbImage(Width, Height, rgb);
    }

    /// <summary>255 minus every pixel.</summary>
    public GreyImage Inverted() => new(Width, Height, pixels.Select(p => (byte)(255 - p)).ToArray());
}
