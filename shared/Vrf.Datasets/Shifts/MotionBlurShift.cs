using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>
/// MNIST-C's <c>motion_blur</c> (severity 1, its default): ImageMagick's <c>MotionBlurImage</c> with radius 10,
/// sigma 3 and an angle drawn uniformly in [−45°, 45°]. The kernel is one-sided: 21 taps weighted
/// exp(−i² / 2σ²) (normalised), tap i reading the pixel i steps along the angle (rounded to whole pixels); pixels past
/// the edge repeat the edge.
/// </summary>
public sealed class MotionBlurShift : IDigitShift
{
    public const double Radius = 10;
    public const double Sigma = 3;
    public const double MaxAngleDegrees = 45;

    public string Name => "motion-blur";

    public long Key => 5;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random)
    {
        var angle = random.Uniform(-MaxAngleDegrees, MaxAngleDegrees) * Math.PI / 180;
        var width = 2 * (int)Math.Ceiling(Radius) + 1;
        var kernel = Enumerable.Range(0, width).Select(i => Math.Exp(-(i * i) / (2 * Sigma * Sigma))).ToArray();
        var total = kernel.Sum();
        var offsets = Enumerable.Range(0, width)
            .Select(i => ((int)Math.Ceiling(i * Math.Cos(angle) - 0.5), (int)Math.Ceiling(i * Math.Sin(angle) - 0.5)))
            .ToArray();
        var x = GreyPixels.Intensities(digit);
        var blurred = new double[x.Length];
        for (var row = 0; row < digit.Height; row++)
        {
            for (var column = 0; column < digit.Width; column++)
            {
                double sum = 0;
                for (var i = 0; i < width; i++)
                {
                    var sx = Math.Clamp(column + offsets[i].Item1, 0, digit.Width - 1);
                    var sy = Math.Clamp(row + offsets[i].Item2, 0, digit.Height - 1);
                    sum += kernel[i] * x[sy * digit.Width + sx];
                }
                blurred[row * digit.Width + column] = sum / total;
            }
        }
        return GreyPixels.FromIntensities(digit.Width, digit.Height, blurred);
    }
}
