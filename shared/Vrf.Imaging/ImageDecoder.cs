using SkiaSharp;

namespace Vrf.Imaging;

/// <summary>
/// Decodes PNG, JPEG, WebP, GIF, BMP, ICO and WBMP with SkiaSharp into 8-bit RGB the way PIL's <c>convert("RGB")</c>
/// does: grey replicated, palette looked up, alpha dropped (stored colour kept, not premultiplied), 16-bit samples cut
/// to their high byte, no colour management; animations give their first frame.
/// </summary>
/// <remarks>
/// Checked against Pillow 9.4 on PNG (grey, grey+alpha, RGB, RGBA, palette, 16-bit RGB), JPEG (4:4:4, 4:2:2, 4:2:0,
/// grey), BMP, GIF and lossless WebP: identical bytes. One deliberate difference: PIL clips 16-bit grey PNGs
/// (mode I;16) to 255 instead of scaling them, which whitens the image; here they keep their high byte too.
/// TIFF is not supported by SkiaSharp and is reported as an unsupported format.
/// </remarks>
public sealed class ImageDecoder(ImageDecodingOptions options)
{
    private const int RgbaChannels = 4;

    public ImageDecodingOptions Options { get; } = options;

    /// <param name="encoded">The file's bytes.</param>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="DecompressionBombException">The header announces more than <see cref="ImageDecodingOptions.MaxPixels"/>,
    /// or more than the file's size can hold (<see cref="ImageDecodingOptions.MaxPixelsPerByte"/>).</exception>
    /// <exception cref="ImageDecodeException">The bytes are empty, not an image, corrupt or truncated.</exception>
    public RgbImage Decode(ReadOnlySpan<byte> encoded, string imageSource)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(imageSource, "the input is empty (0 bytes)");
        }
        using var data = SKData.CreateCopy(encoded);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened)
            ?? throw new ImageDecodeException(
                imageSource,
                $"not a supported image format (PNG, JPEG, WebP, GIF, BMP, ICO, WBMP) or a damaged header ({opened})");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            throw new ImageDecodeException(imageSource, $"the header gives no pixels ({width}x{height})");
        }
        var pixels = (long)width * height;
        if (pixels > Options.MaxPixels)
        {
            throw new DecompressionBombException(imageSource, width, height, Options.MaxPixels);
        }
        if (pixels > Options.PixelsWithoutRatioCheck && pixels > encoded.Length * Options.MaxPixelsPerByte)
        {
            throw new DecompressionBombException(imageSource, width, height, encoded.Length, Options.MaxPixelsPerByte);
        }
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul, null);
        var rgba = new byte[(long)width * height * RgbaChannels];
        var decoded = codec.GetPixels(target, rgba);
        if (decoded != SKCodecResult.Success)
        {
            throw new ImageDecodeException(imageSource, $"the {codec.EncodedFormat} data is corrupt or truncated ({decoded})");
        }
        var stored = new RgbImage(width, height, DropAlpha(rgba));
        return Options.ApplyExifOrientation ? ExifOrientation.Apply(stored, codec.EncodedOrigin) : stored;
    }

    private static byte[] DropAlpha(byte[] rgba)
    {
        var rgb = new byte[rgba.LongLength / RgbaChannels * RgbImage.Channels];
        for (long from = 0, to = 0; from < rgba.LongLength; from += RgbaChannels, to += RgbImage.Channels)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }
        return rgb;
    }
}
