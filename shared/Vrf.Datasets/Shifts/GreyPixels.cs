using Vrf.Digits.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>Conversions between grey images and intensities in [0, 1], as MNIST-C computes.</summary>
internal static class GreyPixels
{
    public static double[] Intensities(GreyImage image) => image.Bytes.ToArray().Select(p => p / 255.0).ToArray();

    /// <summary>Intensities clipped to [0, 1] and rounded to bytes.</summary>
    public static GreyImage FromIntensities(int width, int height, double[] values) =>
        new(width, height, values.Select(v => (byte)Math.Round(Math.Clamp(v, 0, 1) * 255, MidpointRounding.AwayFromZero)).ToArray());
}
