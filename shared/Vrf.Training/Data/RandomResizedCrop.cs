using Vrf.Imaging;

namespace Vrf.Training.Data;

/// <summary>
/// torchvision's <c>RandomResizedCrop.get_params</c> with CLIP fine-tuning's range: up to 10 tries of an area share in
/// [0.9, 1] and a log-uniform aspect ratio in [3/4, 4/3] (sides rounded half to even, as Python's <c>round</c>), the
/// first box that fits placed uniformly; otherwise the largest centred box whose ratio is clamped into the range.
/// </summary>
internal static class RandomResizedCrop
{
    public const double MinScale = 0.9;
    public const double MaxScale = 1.0;
    public const double MinRatio = 3.0 / 4.0;
    public const double MaxRatio = 4.0 / 3.0;
    private const int Attempts = 10;

    public static PixelRegion Sample(int width, int height, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        double area = (double)width * height;
        var (logMin, logMax) = (Math.Log(MinRatio), Math.Log(MaxRatio));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var targetArea = area * random.Uniform(MinScale, MaxScale);
            var aspectRatio = Math.Exp(random.Uniform(logMin, logMax));
            var w = (int)Math.Round(Math.Sqrt(targetArea * aspectRatio), MidpointRounding.ToEven);
            var h = (int)Math.Round(Math.Sqrt(targetArea / aspectRatio), MidpointRounding.ToEven);
            if (w > 0 && w <= width && h > 0 && h <= height)
            {
                var top = random.Below(height - h + 1);
                var left = random.Below(width - w + 1);
                return new PixelRegion(left, top, w, h);
            }
        }
        var inRatio = (double)width / height;
        var (cropWidth, cropHeight) = inRatio < MinRatio
            ? (width, (int)Math.Round(width / MinRatio, MidpointRounding.ToEven))
            : inRatio > MaxRatio
                ? ((int)Math.Round(height * MaxRatio, MidpointRounding.ToEven), height)
                : (width, height);
        return new PixelRegion((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
    }
}
