namespace Vrf.Imaging;

/// <summary>Limits and choices for turning encoded bytes into RGB pixels.</summary>
public sealed record ImageDecodingOptions
{
    /// <summary>100 megapixels: 400 MB while decoding. (PIL's own error threshold is 178,956,970 pixels.)</summary>
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>Images whose header announces more pixels are refused with a <see cref="DecompressionBombException"/>.</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Turn the pixels upright as the EXIF orientation tag says (what a viewer shows). PIL's <c>Image.open</c>, and so
    /// HF, does not do this unless <c>ImageOps.exif_transpose</c> is called.
    /// </summary>
    public bool ApplyExifOrientation { get; init; } = true;
}
