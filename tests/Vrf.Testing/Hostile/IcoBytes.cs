using System.Buffers.Binary;

namespace Vrf.Testing.Hostile;

/// <summary>Writes ICO files holding one PNG image: the 6-byte directory header, one 16-byte entry (whose one-byte
/// width and height say 256 for anything larger) and the PNG; the decoder takes the size from the PNG's own header.</summary>
public static class IcoBytes
{
    private const int HeaderSize = 6;
    private const int EntrySize = 16;

    public static byte[] WithPng(byte[] png, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(png);
        var ico = new byte[HeaderSize + EntrySize + png.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(4), 1);
        ico[HeaderSize] = Side(width);
        ico[HeaderSize + 1] = Side(height);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(HeaderSize + 4), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(ico.AsSpan(HeaderSize + 6), 32);
        BinaryPrimitives.WriteInt32LittleEndian(ico.AsSpan(HeaderSize + 8), png.Length);
        BinaryPrimitives.WriteInt32LittleEndian(ico.AsSpan(HeaderSize + 12), HeaderSize + EntrySize);
        png.CopyTo(ico, HeaderSize + EntrySize);
        return ico;
    }

    /// <summary>The entry's one-byte side: 0 means 256 or more.</summary>
    private static byte Side(int side) => side is > 0 and < 256 ? (byte)side : (byte)0;
}
