using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.Support;

/// <summary>Images to classify: drawn like the tiny model's training images, in the formats that need converting, and
/// the bad input a service must refuse.</summary>
public static class QueryImages
{
    /// <summary>A 32×32 RGB PNG of class <paramref name="label"/>, different for every seed.</summary>
    public static byte[] Drawn(int label, int seed) => TinyImages.Draw(label, new Random(seed));

    /// <summary>An 8-bit greyscale PNG: a diagonal ramp.</summary>
    /// <summary>A 32×32 RGB PNG carrying <paramref name="paddingBytes"/> bytes in a private ancillary chunk (which
    /// decoders skip): a request that weighs on a worker's memory while it waits, and costs no more to decode.</summary>
    public static byte[] Padded(int paddingBytes) =>
        PngBytes.Image(32, 32, PngBytes.Rgb, 8, Rows(32, 32, (x, y) => [(byte)(x * 8), (byte)(y * 8), (byte)(x * y)]), ("prVt", new byte[paddingBytes]));

    public static byte[] Greyscale() =>
        PngBytes.Image(32, 32, PngBytes.Grey, 8, Rows(32, 32, (x, y) => [(byte)(x * 4 + y * 3)]));

    /// <summary>A 16-bit RGB PNG (big-endian samples).</summary>
    public static byte[] SixteenBit() =>
        PngBytes.Image(32, 32, PngBytes.Rgb, 16, Rows(32, 32, (x, y) => [(byte)(x * 8), 0x40, (byte)(y * 8), 0x80, (byte)(255 - x * 4), 0xC0]));

    /// <summary>A CMYK JPEG (Adobe, inverted) made with Pillow; see Images/README.md.</summary>
    public static byte[] CmykJpeg() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "cmyk_32.jpg"));

    public static byte[] Empty() => [];

    /// <summary>A PNG cut in the middle of its pixel data.</summary>
    public static byte[] TruncatedPng()
    {
        var png = PngBytes.Image(64, 64, PngBytes.Rgb, 8, Rows(64, 64, (x, y) => [(byte)(x * y), (byte)x, (byte)y]));
        return png[..(png.Length / 2)];
    }

    public static byte[] Text() => "A caption, not a picture: long enough to fill any header a codec looks at."u8.ToArray();

    /// <summary>A PNG whose header announces 20000×20000 pixels (400 megapixels), with no pixel data behind it.</summary>
    public static byte[] DecompressionBomb() => PngBytes.Image(20_000, 20_000, PngBytes.Rgb, 8, []);

    private static IEnumerable<byte[]> Rows(int width, int height, Func<int, int, byte[]> pixel) =>
        Enumerable.Range(0, height).Select(y => Enumerable.Range(0, width).SelectMany(x => pixel(x, y)).ToArray());
}
