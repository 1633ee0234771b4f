using Vrf.Digits.Pipeline;
using Vrf.Encoders;
using Vrf.Imaging;
using Vrf.ResNet.Preprocessing;

namespace Vrf.ResNet;

/// <summary>A ResNet folder's preprocessing as the encoder seam takes it: the folder's image pipeline (when it records
/// one), then <see cref="ResNetImageProcessor"/> (resize and crop to the input size, BGR minus the mean), for every
/// image whatever its size; a training crop is cut out first and goes the same way.</summary>
internal sealed class ResNetPreprocessor(ImagePipeline? pipeline, ResNetImageProcessor processor) : IImagePreprocessor
{
    public ImageDecoder Decoder => processor.Decoder;

    public PreprocessedImage Preprocess(RgbImage image) => processor.Preprocess(pipeline?.Apply(image) ?? image);

    public PreprocessedImage PreprocessTrainingView(RgbImage image, PixelRegion crop)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Preprocess(image.Crop(crop));
    }
}
