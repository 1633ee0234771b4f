using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Vrf.Testing;

/// <summary>Writes minimal PNG files byte by byte, for the formats SkiaSharp cannot encode (16-bit, palette, huge headers).</summary>
public static class PngBytes
{
    public const byte Grey = 0;
    public const byte Rgb = 2;
    public const byte Palette = 3;
    public const byte RgbAlpha = 6;

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c;
    }).ToArray();

    /// <param name="rows">Each row's samples, big-endian for 16-bit; a filter byte 0 is added in front.</param>
    /// <param name="chunks">Extra chunks (type, data) written between IHDR and IDAT, e.g. PLTE and tRNS.</param>
    public static byte[] Image(
        int width, int height, byte colourType, byte bitDepth, IEnumerable<byte[]> rows,
        params (string Type, byte[] Data)[] chunks)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                zlib.WriteByte(0);
                zlib.Write(row);
            }
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", header);
        foreach (var (type, data) in chunks)
        {
            WriteChunk(png, type, data);
        }
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typed));
        png.Write(number);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }
        return c ^ 0xFFFFFFFFu;
    }
}
