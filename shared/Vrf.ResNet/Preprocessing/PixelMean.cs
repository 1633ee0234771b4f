namespace Vrf.ResNet.Preprocessing;

/// <summary>
/// What the ResNet subtracts from an image: the ImageNet mean image [3, S, S] in BGR order (0..255) at its own size
/// S (224), and the mean of each of its channels for every other size.
/// </summary>
public sealed class PixelMean
{
    private readonly float[] image;

    /// <param name="imageSize">The side S of the mean image.</param>
    /// <param name="image">[3, S, S] row-major, channels B, G, R.</param>
    public PixelMean(int imageSize, float[] image)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        if (image.LongLength != 3L * imageSize * imageSize)
        {
            throw new ArgumentException($"A mean image of {imageSize}x{imageSize} has {3L * imageSize * imageSize} values, not {image.LongLength}.", nameof(image));
        }
        ImageSize = imageSize;
        this.image = image;
        var plane = imageSize * imageSize;
        ChannelMeans = Enumerable.Range(0, 3)
            .Select(c => (float)image.AsSpan(c * plane, plane).ToArray().Average(v => (double)v))
            .ToArray();
    }

    public int ImageSize { get; }

    /// <summary>[3, S, S] row-major, channels B, G, R.</summary>
    public ReadOnlySpan<float> Image => image;

    /// <summary>The mean of each channel of <see cref="Image"/> (B, G, R), computed in double precision.</summary>
    public IReadOnlyList<float> ChannelMeans { get; }

    /// <summary>The value to subtract from channel <paramref name="channel"/> (B = 0) at pixel (<paramref name="y"/>,
    /// <paramref name="x"/>) of an image of side <paramref name="size"/>.</summary>
    public float At(int size, int channel, int y, int x) =>
        size == ImageSize ? image[(channel * ImageSize + y) * ImageSize + x] : ChannelMeans[channel];
}
