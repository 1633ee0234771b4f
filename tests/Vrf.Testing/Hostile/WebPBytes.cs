using System.Buffers.Binary;
using System.Text;

namespace Vrf.Testing.Hostile;

/// <summary>
/// WebP containers: finds chunks in what SkiaSharp encoded, rewrites the dimensions a frame header announces, and
/// assembles animated files (VP8X, ANIM, ANMF) from lossless frames, which SkiaSharp cannot encode.
/// </summary>
public static class WebPBytes
{
    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;

    /// <summary>An animated WebP of the given lossless WebP files, one frame each, looping, 100 ms a frame.</summary>
    public static byte[] Animated(int width, int height, params byte[][] losslessFrames)
    {
        ArgumentNullException.ThrowIfNull(losslessFrames);
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        var header = new byte[10];
        header[0] = 0x02 | 0x10;
        WriteUInt24(header, 4, width - 1);
        WriteUInt24(header, 7, height - 1);
        WriteChunk(body, "VP8X", header);
        WriteChunk(body, "ANIM", [0, 0, 0, 0, 0, 0]);
        foreach (var frame in losslessFrames)
        {
            var (offset, length) = Chunk(frame, "VP8L");
            var anmf = new byte[16 + ChunkHeaderSize + length + (length & 1)];
            WriteUInt24(anmf, 6, width - 1);
            WriteUInt24(anmf, 9, height - 1);
            WriteUInt24(anmf, 12, 100);
            frame.AsSpan(offset - ChunkHeaderSize, ChunkHeaderSize + length).CopyTo(anmf.AsSpan(16));
            WriteChunk(body, "ANMF", anmf);
        }
        using var riff = new MemoryStream();
        riff.Write("RIFF"u8);
        riff.Write(BitConverter.GetBytes((uint)body.Length));
        body.WriteTo(riff);
        return riff.ToArray();
    }

    /// <summary>The file with its first frame header (or, for an extended file such as an animated one, its canvas)
    /// announcing <paramref name="side"/>×<paramref name="side"/> pixels, the data unchanged: at most 16384 for lossless
    /// and canvas, 16383 for lossy. (Larger canvases, whose pixel count passes 2³², libwebp refuses as damaged before any
    /// limit of ours is asked.)</summary>
    public static byte[] WithDimensions(byte[] webp, int side)
    {
        ArgumentNullException.ThrowIfNull(webp);
        var edited = webp.ToArray();
        if (TryChunk(edited, "VP8X") is var (canvas, _))
        {
            WriteUInt24(edited, canvas + 4, side - 1);
            WriteUInt24(edited, canvas + 7, side - 1);
        }
        else if (TryChunk(edited, "VP8L") is var (lossless, _))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(edited.AsSpan(lossless + 1));
            bits = (bits & 0xF000_0000u) | (uint)(side - 1) | ((uint)(side - 1) << 14);
            BinaryPrimitives.WriteUInt32LittleEndian(edited.AsSpan(lossless + 1), bits);
        }
        else
        {
            var (lossy, _) = Chunk(edited, "VP8 ");
            BinaryPrimitives.WriteUInt16LittleEndian(edited.AsSpan(lossy + 6), (ushort)side);
            BinaryPrimitives.WriteUInt16LittleEndian(edited.AsSpan(lossy + 8), (ushort)side);
        }
        return edited;
    }

    private static (int Offset, int Length) Chunk(byte[] webp, string fourCc) =>
        TryChunk(webp, fourCc) ?? throw new ArgumentException($"The WebP file has no {fourCc} chunk.", nameof(webp));

    /// <summary>Where a top-level chunk's data starts and how long it is.</summary>
    private static (int Offset, int Length)? TryChunk(byte[] webp, string fourCc)
    {
        for (var at = RiffHeaderSize; at + ChunkHeaderSize <= webp.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            if (Encoding.ASCII.GetString(webp, at, 4) == fourCc)
            {
                return (at + ChunkHeaderSize, length);
            }
            at += ChunkHeaderSize + length + (length & 1);
        }
        return null;
    }

    private static void WriteChunk(Stream riff, string fourCc, byte[] data)
    {
        riff.Write(Encoding.ASCII.GetBytes(fourCc));
        riff.Write(BitConverter.GetBytes((uint)data.Length));
        riff.Write(data);
        if ((data.Length & 1) == 1)
        {
            riff.WriteByte(0);
        }
    }

    private static void WriteUInt24(byte[] bytes, int offset, int value) =>
        (bytes[offset], bytes[offset + 1], bytes[offset + 2]) = ((byte)value, (byte)(value >> 8), (byte)(value >> 16));
}
