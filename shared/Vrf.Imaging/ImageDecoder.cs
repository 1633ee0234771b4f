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
    /// <summary>About how many bytes one decode and its conversion to RGB allocate per pixel at most (RGBA, RGB and an
    /// oriented copy).</summary>
    public const int BytesPerPixel = 10;

    public ImageDecodingOptions Options { get; } = options;

    /// <param name="encoded">The file's bytes.</param>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="DecompressionBombException">The header announces more than <see cref="ImageDecodingOptions.MaxPixels"/>,
    /// or more than the file's size can hold (<see cref="ImageDecodingOptions.MaxPixelsPerByte"/>).</exception>
    /// <exception cref="ImageDecodeException">The bytes are empty, not an image, corrupt or truncated.</exception>
    public RgbImage Decode(ReadOnlySpan<byte> encoded, string imageSource)
    {
        using var image = Open(encoded, imageSource);
        return image.Decode();
    }

    /// <summary>
    /// Reads the image's header and checks it before anything the size of its pixels is allocated: an image, with
    /// pixels, and not a decompression bomb. The opened image tells its size (to reserve memory for it, say) and then
    /// decodes without reading the header again.
    /// </summary>
    /// <exception cref="DecompressionBombException">As for <see cref="Decode"/>.</exception>
    /// <exception cref="ImageDecodeException">The bytes are empty or not an image.</exception>
    public OpenedImage Open(ReadOnlySpan<byte> encoded, string imageSource)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(imageSource, "the input is empty (0 bytes)");
        }
        var image = OpenedImage.Create(encoded, imageSource, Options.ApplyExifOrientation);
        try
        {
            var (width, height) = (image.Width, image.Height);
            if (width <= 0 || height <= 0)
            {
                throw new ImageDecodeException(imageSource, $"the header gives no pixels ({width}x{height})");
            }
            if (image.Pixels > Options.MaxPixels)
            {
                throw new DecompressionBombException(imageSource, width, height, Options.MaxPixels);
            }
            if (image.Pixels > Options.PixelsWithoutRatioCheck && image.Pixels > encoded.Length * Options.MaxPixelsPerByte)
            {
                throw new DecompressionBombException(imageSource, width, height, encoded.Length, Options.MaxPixelsPerByte);
            }
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }
}
