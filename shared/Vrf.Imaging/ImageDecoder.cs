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

    /// <summary>About how many bytes one decode and its conversion to RGB allocate per pixel at most (RGBA, RGB and an
    /// oriented copy).</summary>
    public const int BytesPerPixel = 10;

    /// <summary>The pixels a decode of these bytes would allocate (width × height from the header), after the same
    /// checks <see cref="Decode"/> makes before it allocates anything.</summary>
    /// <exception cref="DecompressionBombException">As for <see cref="Decode"/>.</exception>
    /// <exception cref="ImageDecodeException">The bytes are empty or not an image.</exception>
    public long PixelCount(ReadOnlySpan<byte> encoded, string imageSource)
    {
        using var image = Open(encoded, imageSource);
        return (long)image.Width * image.Height;
    }

    /// <param name="encoded">The file's bytes.</param>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="DecompressionBombException">The header announces more than <see cref="ImageDecodingOptions.MaxPixels"/>,
    /// or more than the file's size can hold (<see cref="ImageDecodingOptions.MaxPixelsPerByte"/>).</exception>
    /// <exception cref="ImageDecodeException">The bytes are empty, not an image, corrupt or truncated.</exception>
    public RgbImage Decode(ReadOnlySpan<byte> encoded, string imageSource)
    {
        using var image = Open(encoded, imageSource);
        var codec = image.Codec;
        var target = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, null);
        var rgba = new byte[(long)image.Width * image.Height * RgbaChannels];
        var decoded = codec.GetPixels(target, rgba);
        if (decoded != SKCodecResult.Success)
        {
            throw new ImageDecodeException(imageSource, $"the {codec.EncodedFormat} data is corrupt or truncated ({decoded})");
        }
        var stored = new RgbImage(image.Width, image.Height, DropAlpha(rgba));
        return Options.ApplyExifOrientation ? ExifOrientation.Apply(stored, codec.EncodedOrigin) : stored;
    }

    /// <summary>Opens the bytes' codec and checks its header: an image, with pixels, and not a decompression bomb.</summary>
    private OpenedImage Open(ReadOnlySpan<byte> encoded, string imageSource)
    {
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(imageSource, "the input is empty (0 bytes)");
        }
        var image = OpenedImage.Create(encoded, imageSource);
        try
        {
            var (width, height) = (image.Width, image.Height);
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
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
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

    /// <summary>A file's bytes, copied for SkiaSharp, and the codec opened on them.</summary>
    private sealed class OpenedImage : IDisposable
    {
        private readonly SKData _data;
        private readonly SKMemoryStream _stream;

        private OpenedImage(SKData data, SKMemoryStream stream, SKCodec codec)
        {
            _data = data;
            _stream = stream;
            Codec = codec;
        }

        public SKCodec Codec { get; }

        public int Width => Codec.Info.Width;

        public int Height => Codec.Info.Height;

        /// <exception cref="ImageDecodeException">No codec recognises the bytes.</exception>
        public static OpenedImage Create(ReadOnlySpan<byte> encoded, string imageSource)
        {
            var data = SKData.CreateCopy(encoded);
            var stream = new SKMemoryStream(data);
            if (SKCodec.Create(stream, out var result) is { } codec)
            {
                return new OpenedImage(data, stream, codec);
            }
            stream.Dispose();
            data.Dispose();
            throw new ImageDecodeException(
                imageSource, $"not a supported image format (PNG, JPEG, WebP, GIF, BMP, ICO, WBMP) or a damaged header ({result})");
        }

        public void Dispose()
        {
            Codec.Dispose();
            _stream.Dispose();
            _data.Dispose();
        }
    }
}
