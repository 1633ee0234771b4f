using Vrf.Encoders;
using Vrf.Imaging;

namespace Vrf.Clip.Preprocessing;

/// <summary>
/// Hugging Face's <c>CLIPImageProcessor</c> (PIL path), value for value: decode to RGB, resize the shorter side with
/// Pillow's resampler, center crop, rescale, normalise. Stateless and thread-safe.
/// </summary>
public sealed class ClipImageProcessor(ImageProcessorConfig config, ImageDecodingOptions? decoding = null)
{
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
        var pixels = ShortestEdgeCrop.Apply(image,
            Config.DoResize ? Config.ShortestEdge : null,
            Config.DoCenterCrop ? (Config.CropWidth, Config.CropHeight) : null,
            Config.Resample);
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
        var cropped = image.Crop(new PixelRegion(left, top, width, height));
        var pixels = PillowResampler.Resize(cropped, size, size, Config.Resample);
        return new PreprocessedImage(pixels, PixelNormalization.ToChannelsFirst(pixels, Config));
    }
}
