using System.Buffers.Binary;

namespace Vrf.Testing.Hostile;

/// <summary>
/// Writes GIF89a files with a 256-colour global palette (3-3-2 bits of R, G, B), one image per frame and a looping
/// NETSCAPE2.0 block when there are several; SkiaSharp cannot encode GIF. The LZW data stays at 9-bit codes by sending a
/// clear code every <see cref="CodesPerClear"/> pixels: larger than compressed data, but valid.
/// </summary>
public static class GifBytes
{
    /// <summary>Offset of the logical screen's width (16-bit little-endian); its height follows it.</summary>
    public const int ScreenWidthOffset = 6;

    private const int CodesPerClear = 200;
    private const int ClearCode = 256;
    private const int EndCode = 257;
    private const int CodeBits = 9;

    /// <param name="frames">Each frame's colour at (x, y) as an index into the 3-3-2 palette.</param>
    public static byte[] Image(int width, int height, params Func<int, int, byte>[] frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.Write([0xF7, 0, 0]);
        for (var i = 0; i < 256; i++)
        {
            gif.Write([(byte)((i >> 5) * 255 / 7), (byte)(((i >> 2) & 7) * 255 / 7), (byte)((i & 3) * 255 / 3)]);
        }
        if (frames.Length > 1)
        {
            gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        }
        foreach (var frame in frames)
        {
            gif.Write([0x21, 0xF9, 4, 0x04, 10, 0, 0, 0]);
            gif.WriteByte(0x2C);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, 0);
            WriteUInt16(gif, width);
            WriteUInt16(gif, height);
            gif.WriteByte(0);
            gif.WriteByte(8);
            WriteSubBlocks(gif, Lzw(width, height, frame));
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>Overwrites the width and height of the logical screen and of every image descriptor.</summary>
    public static void WriteSize(byte[] gif, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(gif);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(ScreenWidthOffset), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(ScreenWidthOffset + 2), (ushort)height);
        for (var i = 13 + 256 * 3; i + 9 < gif.Length; i++)
        {
            if (gif[i] == 0x2C && gif[i + 1] == 0 && gif[i + 2] == 0 && gif[i + 3] == 0 && gif[i + 4] == 0)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(i + 5), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(gif.AsSpan(i + 7), (ushort)height);
                return;
            }
        }
    }

    private static byte[] Lzw(int width, int height, Func<int, int, byte> colour)
    {
        var bits = new BitWriter();
        bits.Write(ClearCode, CodeBits);
        for (var i = 0; i < width * height; i++)
        {
            if (i > 0 && i % CodesPerClear == 0)
            {
                bits.Write(ClearCode, CodeBits);
            }
            bits.Write(colour(i % width, i / width), CodeBits);
        }
        bits.Write(EndCode, CodeBits);
        return bits.ToArray();
    }

    private static void WriteSubBlocks(Stream gif, byte[] data)
    {
        for (var offset = 0; offset < data.Length; offset += 255)
        {
            var length = Math.Min(255, data.Length - offset);
            gif.WriteByte((byte)length);
            gif.Write(data, offset, length);
        }
        gif.WriteByte(0);
    }

    private static void WriteUInt16(Stream stream, int value) => stream.Write([(byte)value, (byte)(value >> 8)]);

    /// <summary>Packs codes least significant bit first, as GIF's LZW stream does.</summary>
    private sealed class BitWriter
    {
        private readonly List<byte> _bytes = [];
        private int _pending;
        private int _pendingBits;

        public void Write(int code, int bitCount)
        {
            _pending |= code << _pendingBits;
            _pendingBits += bitCount;
            while (_pendingBits >= 8)
            {
                _bytes.Add((byte)_pending);
                _pending >>= 8;
                _pendingBits -= 8;
            }
        }

        public byte[] ToArray() => _pendingBits > 0 ? [.. _bytes, (byte)_pending] : [.. _bytes];
    }
}
