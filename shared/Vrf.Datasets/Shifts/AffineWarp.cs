using Vrf.Digits.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>
/// scikit-image's <c>warp(image, inverse_map=affine)</c> with its defaults (bilinear, constant 0 outside): each output
/// pixel (x, y) samples the input at (a1 x + a2 y + a3, b1 x + b2 y + b3). <see cref="AboutCentre"/> adds MNIST-C's
/// translation that keeps the image centre (13.5, 13.5) fixed.
/// </summary>
internal static class AffineWarp
{
    public static GreyImage AboutCentre(GreyImage image, double a1, double a2, double b1, double b2)
    {
        var (centreX, centreY) = ((image.Width - 1) / 2.0, (image.Height - 1) / 2.0);
        return Apply(image, a1, a2, centreX * (1 - a1) - a2 * centreY, b1, b2, centreY * (1 - b2) - b1 * centreX);
    }

    public static GreyImage Apply(GreyImage image, double a1, double a2, double a3, double b1, double b2, double b3)
    {
        var input = GreyPixels.Intensities(image);
        var output = new double[input.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                output[y * image.Width + x] = Bilinear(input, image.Width, image.Height, a1 * x + a2 * y + a3, b1 * x + b2 * y + b3);
            }
        }
        return GreyPixels.FromIntensities(image.Width, image.Height, output);
    }

    private static double Bilinear(double[] pixels, int width, int height, double x, double y)
    {
        var (left, top) = ((int)Math.Floor(x), (int)Math.Floor(y));
        var (fx, fy) = (x - left, y - top);
        return (1 - fy) * ((1 - fx) * At(pixels, width, height, left, top) + fx * At(pixels, width, height, left + 1, top))
               + fy * ((1 - fx) * At(pixels, width, height, left, top + 1) + fx * At(pixels, width, height, left + 1, top + 1));
    }

    private static double At(double[] pixels, int width, int height, int x, int y) =>
        x < 0 || y < 0 || x >= width || y >= height ? 0 : pixels[y * width + x];
}
