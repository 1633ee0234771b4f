using Vrf.Clip.Preprocessing;
using Vrf.Imaging;
using Vrf.Encoders;

namespace Vrf.Digits.Imaging;

/// <summary>Resizes grey images with the project's port of Pillow's resampler (antialiased when shrinking).</summary>
public static class GreyResize
{
    /// <summary>The whole image resized to <paramref name="size"/> x <paramref name="size"/> (the aspect ratio is not kept).</summary>
    public static GreyImage ToSquare(GreyImage image, int size, ResampleFilter filter = ResampleFilter.Bilinear)
    {
        var processor = new ClipImageProcessor(new ImageProcessorConfig { Resample = filter, DoRescale = false, DoNormalize = false });
        var resized = processor.PreprocessCrop(image.ToRgb(), 0, 0, image.Width, image.Height, size).Pixels;
        return GreyImage.FromRgb(resized);
    }
}
