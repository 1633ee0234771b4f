using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>MNIST-C's <c>shear</c> (severity 2, its default): scikit-image's <c>AffineTransform(shear=±0.4)</c> of that
/// time, [[1, −sin s], [0, cos s]], about the centre, direction at random; bilinear, black outside.</summary>
public sealed class ShearShift : IDigitShift
{
    public const double Shear = 0.4;

    public string Name => "shear";

    public long Key => 2;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random)
    {
        var shear = Shear * random.Sign();
        return AffineWarp.AboutCentre(digit, 1, -Math.Sin(shear), 0, Math.Cos(shear));
    }
}
