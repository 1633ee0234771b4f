using Vrf.Imaging;

namespace Vrf.Datasets.Mnist;

/// <summary>
/// Which MNIST training images go to the validation split and which to training: for each digit, a seeded shuffle of
/// its training images gives the first <paramref name="ValPerClass"/> to validation; of the rest, a seeded shuffle
/// keeps <c>TrainLimit</c> (all when null). Indices are into MNIST's training files, in ascending order.
/// </summary>
public sealed record MnistSplitPlan(IReadOnlyList<int> Train, IReadOnlyList<int> Val)
{
    private const long ValidationKey = 1;
    private const long TrainLimitKey = 2;

    public static MnistSplitPlan Create(IReadOnlyList<int> labels, int valPerClass, int seed, int? trainLimit = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(valPerClass);
        var val = new List<int>();
        var rest = new List<int>();
        foreach (var digit in Enumerable.Range(0, MnistSet.ClassCount))
        {
            var ofDigit = Enumerable.Range(0, labels.Count).Where(i => labels[i] == digit).ToArray();
            if (ofDigit.Length < valPerClass)
            {
                throw new ArgumentException($"Digit {digit} has {ofDigit.Length} training images, fewer than the {valPerClass} asked for validation.");
            }
            var order = SeededRandom.For(seed, ValidationKey, digit).Permutation(ofDigit.Length);
            val.AddRange(order.Take(valPerClass).Select(i => ofDigit[i]));
            rest.AddRange(order.Skip(valPerClass).Select(i => ofDigit[i]));
        }
        rest.Sort();
        if (trainLimit is { } limit && limit < rest.Count)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit);
            var keep = SeededRandom.For(seed, TrainLimitKey).Permutation(rest.Count).Take(limit).Select(i => rest[i]).ToList();
            keep.Sort();
            rest = keep;
        }
        val.Sort();
        return new MnistSplitPlan(rest, val);
    }
}
