using SkiaSharp;

namespace Vrf.Testing.Hostile;

/// <summary>
/// The valid images the hostile corpus starts from, one per format and kind: a 48×48 picture (a colour ramp with
/// noise, so that pixel data fills most of each file) encoded as PNG, JPEG, lossy and lossless WebP with SkiaSharp, and
/// as GIF and BMP by hand; animated GIF and WebP; 16-bit PNGs; a CMYK JPEG; a 1×1 PNG.
/// </summary>
public static class SeedImages
{
    public const int Side = 48;

    /// <summary>The formats whose files are mutated (truncated, bit-flipped, given huge dimensions).</summary>
    public static IReadOnlyList<string> Basic { get; } = ["png", "jpeg", "webp-lossy", "webp-lossless", "gif", "bmp"];

    /// <summary>The file extension a format's files carry.</summary>
    public static string Extension(string format) => format.Split('-')[0] switch
    {
        "jpeg" => "jpg",
        var name => name,
    };

    /// <param name="format">A <see cref="Basic"/> format or one of the odd valid kinds.</param>
    /// <param name="seed">Varies the noise.</param>
    public static byte[] Of(string format, int seed) => format switch
    {
        "png" => Encode(Picture(Side, Side, seed, 0), SKEncodedImageFormat.Png),
        "jpeg" => Encode(Picture(Side, Side, seed, 0), SKEncodedImageFormat.Jpeg),
        "webp-lossy" => WebP(Picture(Side, Side, seed, 0), SKWebpEncoderCompression.Lossy),
        "webp-lossless" => WebP(Picture(Side, Side, seed, 0), SKWebpEncoderCompression.Lossless),
        "gif" => GifBytes.Image(Side, Side, Palette(seed, 0)),
        "bmp" => BmpBytes.Image(Side, Side, (x, y) => Colour(x, y, seed, 0)),
        "gif-animated" => GifBytes.Image(Side, Side, Palette(seed, 0), Palette(seed, 1), Palette(seed, 2)),
        "webp-animated" => WebPBytes.Animated(Side, Side, [.. Enumerable.Range(0, 3).Select(frame => WebP(Picture(Side, Side, seed, frame), SKWebpEncoderCompression.Lossless))]),
        "png-16bit" => PngBytes.Image(Side, Side, PngBytes.Rgb, 16, Rows(seed, (r, g, b) => [r, g, g, b, b, r])),
        "png-16bit-grey" => PngBytes.Image(Side, Side, PngBytes.Grey, 16, Rows(seed, (r, g, _) => [r, g])),
        "png-1x1" => Encode(Picture(1, 1, seed, 0), SKEncodedImageFormat.Png),
        "jpeg-cmyk" => File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "Vrf.Services.Tests", "Images", "cmyk_32.jpg")),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a seed format of the corpus."),
    };

    /// <summary>A PNG of noise (which does not compress) of at least <paramref name="minBytes"/> bytes.</summary>
    public static byte[] NoiseAtLeast(long minBytes, int seed)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(minBytes / 3.0)) + 8;
        var random = new Random(seed);
        return PngBytes.Image(side, side, PngBytes.Rgb, 8, Enumerable.Range(0, side).Select(_ =>
        {
            var row = new byte[side * 3];
            random.NextBytes(row);
            return row;
        }));
    }

    private static (byte R, byte G, byte B) Colour(int x, int y, int seed, int frame)
    {
        var noise = (byte)(unchecked((uint)(x * 73856093) ^ (uint)(y * 19349663) ^ (uint)(seed * 83492791) ^ (uint)(frame * 40503)) * 2654435761u >> 26);
        return ((byte)(x * 5 + noise), (byte)(y * 5 + frame * 60), (byte)(255 - x * 2 - y * 2 + noise));
    }

    private static Func<int, int, byte> Palette(int seed, int frame) => (x, y) =>
    {
        var (r, g, b) = Colour(x, y, seed, frame);
        return (byte)((r >> 5 << 5) | (g >> 5 << 2) | (b >> 6));
    };

    private static IEnumerable<byte[]> Rows(int seed, Func<byte, byte, byte, byte[]> samples) =>
        Enumerable.Range(0, Side).Select(y => Enumerable.Range(0, Side).SelectMany(x =>
        {
            var (r, g, b) = Colour(x, y, seed, 0);
            return samples(r, g, b);
        }).ToArray());

    private static SKBitmap Picture(int width, int height, int seed, int frame)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Colour(x, y, seed, frame);
                bitmap.SetPixel(x, y, new SKColor(r, g, b));
            }
        }
        return bitmap;
    }

    private static byte[] Encode(SKBitmap picture, SKEncodedImageFormat format)
    {
        using (picture)
        {
            using var data = picture.Encode(format, 90);
            return data.ToArray();
        }
    }

    private static byte[] WebP(SKBitmap picture, SKWebpEncoderCompression compression)
    {
        using (picture)
        {
            using var pixels = picture.PeekPixels();
            using var data = pixels.Encode(new SKWebpEncoderOptions(compression, 90))
                ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
            return data.ToArray();
        }
    }
}
