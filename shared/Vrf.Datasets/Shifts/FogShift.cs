using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>MNIST-C's <c>fog</c> (severity 5, its default): x + 3·plasma (a 256-pixel diamond-square map with decay
/// 1.4, its top-left 28x28), rescaled by max(x) / (max(x) + 3) and clipped to [0, 1].</summary>
public sealed class FogShift : IDigitShift
{
    public const double Strength = 3.0;
    public const double Decay = 1.4;

    public string Name => "fog";

    public long Key => 4;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random)
    {
        var x = GreyPixels.Intensities(digit);
        var max = x.Max();
        const int mapSize = 256;
        var plasma = PlasmaFractal.Create(random, mapSize, Decay);
        var fogged = new double[x.Length];
        for (var row = 0; row < digit.Height; row++)
        {
            for (var column = 0; column < digit.Width; column++)
            {
                var i = row * digit.Width + column;
                fogged[i] = (x[i] + Strength * plasma[row * mapSize + column]) * max / (max + Strength);
            }
        }
        return GreyPixels.FromIntensities(digit.Width, digit.Height, fogged);
    }
}
