namespace Vrf.Imaging;

/// <summary>
/// The header announces more pixels than the configured limit, or more than the file's size can plausibly hold, so the
/// image is refused before any pixel buffer is allocated.
/// </summary>
public sealed class DecompressionBombException : ImageDecodeException
{
    /// <summary>The header announces more than <paramref name="maxPixels"/> pixels.</summary>
    public DecompressionBombException(string imageSource, int width, int height, long maxPixels)
        : base(imageSource, $"decompression bomb: {width}x{height} = {(long)width * height:N0} pixels exceeds the limit of {maxPixels:N0}")
    {
        (Width, Height, MaxPixels) = (width, height, maxPixels);
    }

    /// <summary>The header announces more pixels than <paramref name="encodedBytes"/> bytes can hold at
    /// <paramref name="maxPixelsPerByte"/> pixels a byte.</summary>
    public DecompressionBombException(string imageSource, int width, int height, long encodedBytes, long maxPixelsPerByte)
        : base(imageSource, $"decompression bomb: {width}x{height} = {(long)width * height:N0} pixels in only {encodedBytes:N0} bytes, " +
            $"more than {maxPixelsPerByte:N0} pixels per byte")
    {
        (Width, Height, MaxPixels) = (width, height, encodedBytes * maxPixelsPerByte);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The most pixels this file could have had.</summary>
    public long MaxPixels { get; }
}
