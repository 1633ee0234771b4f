using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>MNIST-C's <c>shot_noise</c> (severity 5, its default): each intensity x in [0, 1] becomes
/// Poisson(3x) / 3, clipped to [0, 1].</summary>
public sealed class ShotNoiseShift : IDigitShift
{
    public const double PhotonsPerUnit = 3;

    public string Name => "shot-noise";

    public long Key => 3;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random) =>
        GreyPixels.FromIntensities(
            digit.Width, digit.Height,
            GreyPixels.Intensities(digit).Select(x => random.Poisson(x * PhotonsPerUnit) / PhotonsPerUnit).ToArray());
}
