namespace Vrf.Testing.Hostile;

/// <summary>Writes WBMP (type 0) files: two zero header bytes, width and height as multi-byte integers (7 bits a byte,
/// most significant first), then 1-bit rows padded to whole bytes, 1 for white. SkiaSharp cannot encode them.</summary>
public static class WbmpBytes
{
    /// <summary>A file announcing <paramref name="width"/>×<paramref name="height"/> pixels followed by
    /// <paramref name="rows"/> white rows (fewer rows than announced: a truncated or bomb-like file).</summary>
    public static byte[] Image(int width, int height, int rows)
    {
        var stride = (width + 7) / 8;
        return [0, 0, .. MultiByte(width), .. MultiByte(height), .. Enumerable.Repeat((byte)0xFF, stride * rows)];
    }

    private static IEnumerable<byte> MultiByte(int value)
    {
        var groups = new Stack<byte>();
        groups.Push((byte)(value & 0x7F));
        for (value >>= 7; value > 0; value >>= 7)
        {
            groups.Push((byte)(0x80 | (value & 0x7F)));
        }
        return groups;
    }
}
