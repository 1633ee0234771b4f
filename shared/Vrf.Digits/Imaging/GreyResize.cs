using Vrf.Imaging;

namespace Vrf.Digits.Imaging;

/// <summary>Resizes grey images with the project's port of Pillow's resampler (antialiased when shrinking).</summary>
public static class GreyResize
{
    /// <summary>The whole image resized to <paramref name="size"/> x <paramref name="size"/> (the aspect ratio is not kept).</summary>
    public static GreyImage ToSquare(GreyImage image, int size, ResampleFilter filter = ResampleFilter.Bilinear)
    {
        ArgumentNullException.ThrowIfNull(image);
        return GreyImage.FromRgb(PillowResampler.Resize(image.ToRgb(), size, size, filter));
    }
}
