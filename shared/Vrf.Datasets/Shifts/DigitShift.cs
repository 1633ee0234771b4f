using Vrf.Digits.Imaging;
using Vrf.Imaging;

namespace Vrf.Datasets.Shifts;

/// <summary>
/// A distribution shift applied to MNIST test digits: each image's version is a pure function of the seed, the
/// shift's <see cref="Key"/> and the image's index (<see cref="SeededRandom"/>), so a split is the same however it is
/// written.
/// </summary>
public interface IDigitShift
{
    /// <summary>The split's folder name.</summary>
    string Name { get; }

    /// <summary>Keeps the shifts' random streams apart for one seed.</summary>
    long Key { get; }

    /// <summary>The shifted image (28x28, white on black) of the test digit <paramref name="digit"/> labelled <paramref name="label"/>.</summary>
    GreyImage Apply(GreyImage digit, int label, SeededRandom random);
}
