namespace Vrf.Imaging;

/// <summary>Limits and choices for turning encoded bytes into RGB pixels.</summary>
public sealed record ImageDecodingOptions
{
    /// <summary>100 megapixels: 400 MB while decoding. (PIL's own error threshold is 178,956,970 pixels.)</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>Images whose header announces more pixels are refused with a <see cref="DecompressionBombException"/>.</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>4 megapixels (2048×2048): an image this large is decoded whatever the size of its file.</summary>
    public const long DefaultPixelsWithoutRatioCheck = 4L << 20;

    /// <summary>2,000 pixels per byte of the file: more than PNG, JPEG and BMP reach even on a flat image (PNG's deflate
    /// stops near 1,032 bytes per byte). Flat WebP and GIF files can pass it and are refused above
    /// <see cref="PixelsWithoutRatioCheck"/>.</summary>
    public const long DefaultMaxPixelsPerByte = 2_000;

    /// <summary>Images up to this many pixels are decoded without <see cref="MaxPixelsPerByte"/> being asked.</summary>
    public long PixelsWithoutRatioCheck { get; init; } = DefaultPixelsWithoutRatioCheck;

    /// <summary>
    /// Above <see cref="PixelsWithoutRatioCheck"/>, an image whose header announces more pixels than this many per byte of
    /// its file is refused with a <see cref="DecompressionBombException"/> before its pixel buffer is allocated: a small
    /// file with a large header, damaged or made to harm, never makes the decoder allocate what it announces. Memory
    /// for one decode is then at most 7 bytes per pixel of max(<see cref="PixelsWithoutRatioCheck"/>, this × the file's size).
    /// </summary>
    public long MaxPixelsPerByte { get; init; } = DefaultMaxPixelsPerByte;

    /// <summary>
    /// Turn the pixels upright as the EXIF orientation tag says (what a viewer shows). PIL's <c>Image.open</c>, and so
    /// HF, does not do this unless <c>ImageOps.exif_transpose</c> is called.
    /// </summary>
    public bool ApplyExifOrientation { get; init; } = true;
}
