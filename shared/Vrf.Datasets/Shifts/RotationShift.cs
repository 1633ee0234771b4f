using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>MNIST-C's <c>rotate</c> (severity 2, its default): a rotation by 0.4 rad (about 23°) about the centre,
/// clockwise or anticlockwise at random; bilinear, black outside.</summary>
public sealed class RotationShift : IDigitShift
{
    public const double Radians = 0.4;

    public string Name => "rotate";

    public long Key => 1;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random)
    {
        var angle = Radians * random.Sign();
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        return AffineWarp.AboutCentre(digit, cos, -sin, sin, cos);
    }
}
