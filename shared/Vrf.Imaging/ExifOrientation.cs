using SkiaSharp;

namespace Vrf.Imaging;

/// <summary>Turns stored pixels upright according to the EXIF orientation, as PIL's <c>ImageOps.exif_transpose</c>.</summary>
internal static class ExifOrientation
{
    public static RgbImage Apply(RgbImage stored, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return stored;
        }
        var (w, h) = (stored.Width, stored.Height);
        var swapsAxes = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom
            or SKEncodedOrigin.LeftBottom;
        var (width, height) = swapsAxes ? (h, w) : (w, h);
        Func<int, int, (int X, int Y)> storedAt = origin switch
        {
            SKEncodedOrigin.TopRight => (x, y) => (w - 1 - x, y),
            SKEncodedOrigin.BottomRight => (x, y) => (w - 1 - x, h - 1 - y),
            SKEncodedOrigin.BottomLeft => (x, y) => (x, h - 1 - y),
            SKEncodedOrigin.LeftTop => (x, y) => (y, x),
            SKEncodedOrigin.RightTop => (x, y) => (y, h - 1 - x),
            SKEncodedOrigin.RightBottom => (x, y) => (w - 1 - y, h - 1 - x),
            SKEncodedOrigin.LeftBottom => (x, y) => (w - 1 - y, x),
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Not an EXIF orientation."),
        };
        var pixels = new byte[stored.Bytes.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = storedAt(x, y);
                stored.Bytes.Slice((sy * w + sx) * RgbImage.Channels, RgbImage.Channels)
                    .CopyTo(pixels.AsSpan((y * width + x) * RgbImage.Channels));
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
