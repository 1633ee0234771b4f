namespace Vrf.Imaging;

/// <summary>The header announces more pixels than the configured limit, so the image is refused before decoding.</summary>
public sealed class DecompressionBombException(string imageSource, int width, int height, long maxPixels)
    : ImageDecodeException(
        imageSource,
        $"decompression bomb: {width}x{height} = {(long)width * height:N0} pixels exceeds the limit of {maxPixels:N0}")
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public long MaxPixels { get; } = maxPixels;
}
