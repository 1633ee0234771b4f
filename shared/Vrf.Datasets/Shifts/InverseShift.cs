using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>MNIST-C's <c>inverse</c>: 255 minus every pixel (black digits on white).</summary>
public sealed class InverseShift : IDigitShift
{
    public string Name => "inverse";

    public long Key => 6;

    public GreyImage Apply(GreyImage digit, int label, SeededRandom random) => digit.Inverted();
}
