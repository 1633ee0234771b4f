namespace Vrf.Imaging;

/// <summary>
/// HF's <c>center_crop</c>: a window at <c>top = (h - crop_h) // 2</c>, <c>left = (w - crop_w) // 2</c> (floor), with
/// zeros wherever the window leaves the image.
/// </summary>
public static class CenterCrop
{
    public static PixelRegion Window(int width, int height, int cropWidth, int cropHeight) =>
        new(FloorHalf(width - cropWidth), FloorHalf(height - cropHeight), cropWidth, cropHeight);

    /// <summary>Places <paramref name="inside"/>, the part of the image at <paramref name="visible"/>, on a black window.</summary>
    /// <remarks>
    /// For an odd shortfall HF's own padding returns one row or column less than the crop size; here the window keeps
    /// its size, so batches stay rectangular.
    /// </remarks>
    public static RgbImage Pad(RgbImage inside, PixelRegion window, PixelRegion visible)
    {
        var pixels = new byte[window.Width * window.Height * RgbImage.Channels];
        var rowBytes = inside.Width * RgbImage.Channels;
        for (var y = 0; y < inside.Height; y++)
        {
            var to = ((visible.Top - window.Top + y) * window.Width + visible.Left - window.Left) * RgbImage.Channels;
            inside.Bytes.Slice(y * rowBytes, rowBytes).CopyTo(pixels.AsSpan(to));
        }
        return new RgbImage(window.Width, window.Height, pixels);
    }

    private static int FloorHalf(int value) => (int)Math.Floor(value / 2.0);
}
