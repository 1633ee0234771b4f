using System.Buffers.Binary;

namespace Vrf.Testing.Hostile;

/// <summary>Edits JPEG files by their markers: the frame size a start-of-frame segment announces, and APP1 (EXIF)
/// segments inserted right after the start-of-image marker.</summary>
public static class JpegSegments
{
    private const byte Marker = 0xFF;

    /// <summary>A copy announcing <paramref name="width"/>×<paramref name="height"/> in its (first) start-of-frame
    /// segment, the pixel data unchanged.</summary>
    public static byte[] WithFrameSize(byte[] jpeg, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var edited = jpeg.ToArray();
        var frame = StartOfFrame(edited);
        BinaryPrimitives.WriteUInt16BigEndian(edited.AsSpan(frame + 5), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(edited.AsSpan(frame + 7), (ushort)width);
        return edited;
    }

    /// <summary>A copy with an APP1 segment holding <paramref name="exif"/> (which starts with <c>Exif\0\0</c>, or
    /// not, as a hostile file pleases) right after the start-of-image marker.</summary>
    public static byte[] WithApp1(byte[] jpeg, byte[] exif)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        ArgumentNullException.ThrowIfNull(exif);
        var length = exif.Length + 2;
        return [.. jpeg[..2], Marker, 0xE1, (byte)(length >> 8), (byte)length, .. exif, .. jpeg[2..]];
    }

    /// <summary>Where the first SOF0..SOF3 segment's marker is.</summary>
    private static int StartOfFrame(byte[] jpeg)
    {
        for (var at = 2; at + 4 <= jpeg.Length;)
        {
            if (jpeg[at] != Marker)
            {
                break;
            }
            var type = jpeg[at + 1];
            if (type is >= 0xC0 and <= 0xC3)
            {
                return at;
            }
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
        }
        throw new ArgumentException("The JPEG file has no start-of-frame segment before its scan.", nameof(jpeg));
    }
}
