namespace Vrf.Imaging;

/// <summary>
/// Hugging Face's image geometry (CLIP's, and every other encoder's here): the shorter side scaled to an edge with
/// Pillow's resampler (<see cref="ShortestEdge"/>), then a centre crop (<see cref="CenterCrop"/>, black where the window
/// leaves the image). Only the pixels the crop keeps are resampled; each equals what the full resize gives.
/// </summary>
public static class ShortestEdgeCrop
{
    /// <param name="edge">The length of the shorter side after resizing; null keeps the size.</param>
    /// <param name="crop">The centre window's size; null keeps the whole (resized) image.</param>
    public static RgbImage Apply(RgbImage image, int? edge, (int Width, int Height)? crop, ResampleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (width, height) = edge is { } side ? ShortestEdge.Fit(image.Width, image.Height, side) : (image.Width, image.Height);
        var whole = PixelRegion.Whole(width, height);
        var window = crop is { } size ? CenterCrop.Window(width, height, size.Width, size.Height) : whole;
        var visible = window.Intersect(whole);
        var inside = PillowResampler.Resize(image, width, height, visible, filter);
        return visible == window ? inside : CenterCrop.Pad(inside, window, visible);
    }

    /// <summary>The shorter side scaled to <paramref name="size"/> and the centre <paramref name="size"/> x
    /// <paramref name="size"/> square cut out; an image of that size already is returned as it is.</summary>
    public static RgbImage Square(RgbImage image, int size, ResampleFilter filter)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return image.Width == size && image.Height == size ? image : Apply(image, size, (size, size), filter);
    }
}
