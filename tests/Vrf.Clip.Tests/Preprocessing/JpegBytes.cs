using SkiaSharp;

namespace Vrf.Clip.Tests.Preprocessing;

/// <summary>JPEG files made with SkiaSharp, optionally carrying an EXIF orientation tag written by hand.</summary>
public static class JpegBytes
{
    /// <summary>A JPEG whose left half is <paramref name="left"/> and right half <paramref name="right"/>.</summary>
    public static byte[] TwoHalves(int width, int height, SKColor left, SKColor right)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, x < width / 2 ? left : right);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }

    /// <summary>Inserts an APP1 segment with a one-entry big-endian EXIF IFD (tag 0x0112) right after SOI.</summary>
    public static byte[] WithOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] exif =
        [
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        var length = exif.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
