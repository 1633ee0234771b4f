namespace Vrf.Testing.Hostile;

/// <summary>
/// EXIF blocks (the payload of a JPEG APP1 segment, big-endian TIFF layout) that no camera writes: orientations outside
/// 1..8, entry counts and offsets that point past the block, an IFD chain that loops, a value count near 2³¹, a block
/// of noise. A decoder must ignore what it cannot use and keep the pixels.
/// </summary>
public static class ExifBlocks
{
    public static IReadOnlyList<string> Variants { get; } =
    [
        "orientation-0", "orientation-9", "orientation-65535", "entry-count-65535", "ifd-offset-past-end", "ifd-loop",
        "value-count-2-31", "noise-64k",
    ];

    public static byte[] Of(string variant, int seed) => variant switch
    {
        "orientation-0" => Block(Count(1), Orientation(0), NextIfd(0)),
        "orientation-9" => Block(Count(1), Orientation(9), NextIfd(0)),
        "orientation-65535" => Block(Count(1), Orientation(65535), NextIfd(0)),
        "entry-count-65535" => Block(Count(65535), Orientation(6), NextIfd(0)),
        "ifd-offset-past-end" => [.. "Exif\0\0"u8, .. "MM"u8, 0x00, 0x2A, 0x7F, 0xFF, 0xFF, 0xF0],
        "ifd-loop" => Block(Count(1), Orientation(3), NextIfd(8)),
        "value-count-2-31" => Block(Count(1), [0x01, 0x12, 0x00, 0x04, 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0x00], NextIfd(0)),
        "noise-64k" => [.. "Exif\0\0"u8, .. Noise(65_000, seed)],
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Not an EXIF variant of the corpus."),
    };

    /// <summary><c>Exif\0\0</c>, a big-endian TIFF header whose first IFD follows at offset 8, then the IFD.</summary>
    private static byte[] Block(params byte[][] ifd) => [.. "Exif\0\0"u8, .. "MM"u8, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, .. ifd.SelectMany(part => part)];

    private static byte[] Count(ushort entries) => [(byte)(entries >> 8), (byte)entries];

    /// <summary>Tag 0x0112, type SHORT, one value.</summary>
    private static byte[] Orientation(ushort value) => [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(value >> 8), (byte)value, 0x00, 0x00];

    private static byte[] NextIfd(uint offset) => [(byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset];

    private static byte[] Noise(int length, int seed)
    {
        var noise = new byte[length];
        new Random(seed).NextBytes(noise);
        return noise;
    }
}
