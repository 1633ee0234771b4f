namespace Vrf.Clip.Preprocessing;

/// <summary>One image ready for CLIP's vision tower, with the uint8 stage kept for inspection.</summary>
/// <param name="Pixels">The RGB bytes after resize and center crop, before rescaling (HF's <c>pixel_uint8_hwc</c>).</param>
/// <param name="PixelValues">The rescaled, normalised float32 values, channels first [3, H, W].</param>
public sealed record PreprocessedImage(RgbImage Pixels, float[] PixelValues)
{
    public int Width => Pixels.Width;

    public int Height => Pixels.Height;
}
