using TorchSharp;
using static TorchSharp.torch;

namespace Vrf.Clip.Preprocessing;

/// <summary>
/// Hugging Face's <c>CLIPImageProcessor</c> (PIL path), value for value: decode to RGB, resize the shorter side with
/// Pillow's resampler, center crop, rescale, normalise. Stateless and thread-safe.
/// </summary>
public sealed class ClipImageProcessor(ImageProcessorConfig config, ImageDecodingOptions? decoding = null)
{
    private readonly ResampleKernel kernel = ResampleKernel.For(config.Resample);

    public ImageProcessorConfig Config { get; } = config;

    public ImageDecoder Decoder { get; } = new(decoding ?? new ImageDecodingOptions());

    /// <summary>A processor configured by the folder's <c>preprocessor_config.json</c>.</summary>
    public static ClipImageProcessor FromFolder(string folder, ImageDecodingOptions? decoding = null) =>
        new(ImageProcessorConfig.FromFolder(folder), decoding);

    /// <param name="encoded">An encoded image file.</param>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded (see <see cref="ImageDecoder.Decode"/>).</exception>
    public PreprocessedImage Preprocess(ReadOnlySpan<byte> encoded, string imageSource) =>
        Preprocess(Decoder.Decode(encoded, imageSource));

    public PreprocessedImage Preprocess(RgbImage image)
    {
        var (width, height) = Config.DoResize
            ? ShortestEdge.Fit(image.Width, image.Height, Config.ShortestEdge)
            : (image.Width, image.Height);
        var whole = PixelRegion.Whole(width, height);
        var window = Config.DoCenterCrop ? CenterCrop.Window(width, height, Config.CropWidth, Config.CropHeight) : whole;
        var visible = window.Intersect(whole);
        var inside = PillowResampler.Resize(image, width, height, visible, kernel);
        var pixels = visible == window ? inside : CenterCrop.Pad(inside, window, visible);
        return new PreprocessedImage(pixels, PixelNormalization.ToChannelsFirst(pixels, Config));
    }

    /// <summary>
    /// torchvision's <c>resized_crop</c> of a PIL image, as random-resized-crop augmentation uses it: the box at
    /// <paramref name="left"/>, <paramref name="top"/> of <paramref name="width"/> x <paramref name="height"/> pixels
    /// (inside the image) is cut out and resized to <paramref name="size"/> x <paramref name="size"/> with Pillow's
    /// resampler and the processor's filter, then rescaled and normalised as <see cref="Preprocess(RgbImage)"/> does.
    /// </summary>
    public PreprocessedImage PreprocessCrop(RgbImage image, int left, int top, int width, int height, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (left < 0 || top < 0 || width < 1 || height < 1 || left + width > image.Width || top + height > image.Height)
        {
            throw new ArgumentException(
                $"The crop {width}x{height} at ({left}, {top}) does not lie inside the {image.Width}x{image.Height} image.");
        }
        var rowBytes = width * RgbImage.Channels;
        var cropped = new byte[height * rowBytes];
        for (var y = 0; y < height; y++)
        {
            image.Bytes.Slice(((top + y) * image.Width + left) * RgbImage.Channels, rowBytes).CopyTo(cropped.AsSpan(y * rowBytes));
        }
        var pixels = PillowResampler.Resize(new RgbImage(width, height, cropped), size, size, PixelRegion.Whole(size, size), kernel);
        return new PreprocessedImage(pixels, PixelNormalization.ToChannelsFirst(pixels, Config));
    }

    /// <summary>Stacks images of one size into a float32 tensor [N, 3, H, W].</summary>
    public static Tensor ToBatch(IEnumerable<PreprocessedImage> images, Device? device = null)
    {
        var list = images.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one image.", nameof(images));
        }
        var (width, height) = (list[0].Width, list[0].Height);
        if (list.Any(image => image.Width != width || image.Height != height))
        {
            throw new ArgumentException(
                $"Images of one batch must share a size; got {string.Join(", ", list.Select(i => $"{i.Width}x{i.Height}").Distinct())}.",
                nameof(images));
        }
        var values = list.SelectMany(image => image.PixelValues).ToArray();
        return tensor(values, [list.Count, RgbImage.Channels, height, width], ScalarType.Float32, device);
    }
}
