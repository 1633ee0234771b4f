using Vrf.Clip.Preprocessing;
using Vrf.Encoders;
using Vrf.Imaging;

namespace Vrf.Clip;

/// <summary>A CLIP folder's preprocessing as the encoder seam takes it: <see cref="ClipImageProcessor"/> for evaluation,
/// and for training the crop resized to the vision tower's square input.</summary>
internal sealed class ClipPreprocessor(ClipImageProcessor processor, int imageSize) : IImagePreprocessor
{
    public ImageDecoder Decoder => processor.Decoder;

    public PreprocessedImage Preprocess(RgbImage image) => processor.Preprocess(image);

    public PreprocessedImage PreprocessTrainingView(RgbImage image, PixelRegion crop) =>
        processor.PreprocessCrop(image, crop.Left, crop.Top, crop.Width, crop.Height, imageSize);
}
