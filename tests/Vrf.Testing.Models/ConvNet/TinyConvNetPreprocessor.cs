using Vrf.Encoders;
using Vrf.Imaging;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>A tiny conv net folder's own preprocessing: the image (or the training crop) squashed to a square with
/// Pillow's bilinear filter, then each channel as <c>(x / 255 − mean) / std</c>.</summary>
internal sealed class TinyConvNetPreprocessor(TinyConvNetConfig config) : IImagePreprocessor
{
    public ImageDecoder Decoder { get; } = new(new ImageDecodingOptions());

    public PreprocessedImage Preprocess(RgbImage image)
    {
        var pixels = PillowResampler.Resize(image, config.ImageSize, config.ImageSize, ResampleFilter.Bilinear);
        var plane = pixels.Width * pixels.Height;
        var values = new float[RgbImage.Channels * plane];
        for (var channel = 0; channel < RgbImage.Channels; channel++)
        {
            for (var i = 0; i < plane; i++)
            {
                values[channel * plane + i] = (pixels.Bytes[i * RgbImage.Channels + channel] / 255f - config.Mean) / config.Std;
            }
        }
        return new PreprocessedImage(pixels, values);
    }

    public PreprocessedImage PreprocessTrainingView(RgbImage image, PixelRegion crop) => Preprocess(image.Crop(crop));
}
