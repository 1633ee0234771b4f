using System.Buffers.Binary;

namespace Vrf.Testing.Hostile;

/// <summary>Writes 24-bit BMP files (BITMAPINFOHEADER, bottom-up rows padded to 4 bytes), which SkiaSharp cannot encode.</summary>
public static class BmpBytes
{
    private const int FileHeaderSize = 14;
    private const int InfoHeaderSize = 40;

    /// <summary>Offset of the width in the file (a signed 32-bit little-endian number); the height follows it.</summary>
    public const int WidthOffset = FileHeaderSize + 4;

    /// <param name="pixel">The R, G, B of the pixel at (x, y), y from the top.</param>
    public static byte[] Image(int width, int height, Func<int, int, (byte R, byte G, byte B)> pixel)
    {
        ArgumentNullException.ThrowIfNull(pixel);
        var stride = (width * 3 + 3) / 4 * 4;
        var bmp = new byte[FileHeaderSize + InfoHeaderSize + stride * height];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), FileHeaderSize + InfoHeaderSize);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), InfoHeaderSize);
        WriteSize(bmp, width, height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), stride * height);
        for (var y = 0; y < height; y++)
        {
            var row = FileHeaderSize + InfoHeaderSize + (height - 1 - y) * stride;
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                (bmp[row + x * 3], bmp[row + x * 3 + 1], bmp[row + x * 3 + 2]) = (b, g, r);
            }
        }
        return bmp;
    }

    /// <summary>Overwrites the width and height the header announces.</summary>
    public static void WriteSize(byte[] bmp, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(WidthOffset), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(WidthOffset + 4), height);
    }
}
