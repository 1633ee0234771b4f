using Vrf.Imaging;
using static TorchSharp.torch;

namespace Vrf.Encoders;

/// <summary>One image ready for an image encoder, with its last 8-bit stage kept for inspection.</summary>
/// <param name="Pixels">The RGB bytes after the geometric steps (resize, crop), before rescaling; for CLIP, HF's
/// <c>pixel_uint8_hwc</c>.</param>
/// <param name="PixelValues">The values the encoder takes, float32, channels first [channels, H, W] at the size of
/// <paramref name="Pixels"/>.</param>
public sealed record PreprocessedImage(RgbImage Pixels, float[] PixelValues)
{
    public int Width => Pixels.Width;

    public int Height => Pixels.Height;

    public int Channels => PixelValues.Length / (Width * Height);

    /// <summary>Stacks images of one size into a float32 tensor [N, channels, H, W].</summary>
    public static Tensor ToBatch(IEnumerable<PreprocessedImage> images, Device? device = null)
    {
        var list = images.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one image.", nameof(images));
        }
        var (channels, width, height) = (list[0].Channels, list[0].Width, list[0].Height);
        if (list.Any(image => image.Channels != channels || image.Width != width || image.Height != height))
        {
            throw new ArgumentException(
                $"Images of one batch must share a size; got {string.Join(", ", list.Select(i => $"{i.Width}x{i.Height}").Distinct())}.",
                nameof(images));
        }
        var values = list.SelectMany(image => image.PixelValues).ToArray();
        return tensor(values, [list.Count, channels, height, width], ScalarType.Float32, device);
    }
}
