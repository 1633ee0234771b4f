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
