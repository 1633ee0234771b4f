namespace Vrf.Monitoring;

/// <summary>
/// What a model version did on its validation images, recorded once per version so that served traffic can be
/// compared with it: the distribution of d (the distance to the K-th nearest zero-shot failure) and how many images
/// it predicted as each class. Immutable.
/// </summary>
/// <remarks>
/// The distances are kept sorted: all of them when there are at most <see cref="DefaultMaxStoredDistances"/> (or the
/// limit given to <see cref="Measure"/>), otherwise that many mid-point quantiles, the order statistics at ranks
/// ⌊(2i + 1)·n / 2m⌋ for i = 0 … m − 1, each standing for n/m images. The empirical distribution function of the
/// quantiles is within 1/m of the full sample's, so percentiles and the Kolmogorov–Smirnov statistic move by at
/// most that much; the Kolmogorov–Smirnov p-value then treats the m quantiles as the validation sample, which is
/// conservative (a sample of m is weaker evidence than one of n).
/// </remarks>
public sealed class ValidationDistribution
{
    /// <summary>The most distances kept when none is given: enough that the quantiles are within 1/4096 of the sample.</summary>
    public const int DefaultMaxStoredDistances = 4096;

    private readonly double[] _distances;
    private readonly int[] _predictedClassCounts;

    /// <summary>A distribution as recorded (read back from a bundle, for instance).</summary>
    /// <param name="imageCount">How many validation images were measured.</param>
    /// <param name="distances">Their distances sorted ascending, or quantiles of them (fewer values than images);
    /// non-negative, +∞ allowed (an empty failure set), at most <see cref="KolmogorovSmirnovTest.MaxSampleSize"/>.</param>
    /// <param name="predictedClassCounts">Validation images predicted as each class, in the model's class order;
    /// they add up to <paramref name="imageCount"/>.</param>
    /// <exception cref="ArgumentException">The parts are inconsistent or out of range; the message says which.</exception>
    public ValidationDistribution(int imageCount, IReadOnlyList<double> distances, IReadOnlyList<int> predictedClassCounts)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(predictedClassCounts);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageCount, 1);
        if (distances.Count < 1 || distances.Count > Math.Min(imageCount, KolmogorovSmirnovTest.MaxSampleSize))
        {
            throw new ArgumentException(
                $"{distances.Count} distances for {imageCount} images: there must be from 1 to " +
                $"min(images, {KolmogorovSmirnovTest.MaxSampleSize}).", nameof(distances));
        }
        for (var k = 0; k < distances.Count; k++)
        {
            if (!(distances[k] >= 0) || (k > 0 && distances[k] < distances[k - 1]))
            {
                throw new ArgumentException(
                    $"Distances must be non-negative (or +∞) and sorted ascending; value {k} is {distances[k]}.", nameof(distances));
            }
        }
        if (predictedClassCounts.Count < 1 || predictedClassCounts.Any(count => count < 0)
            || predictedClassCounts.Sum(count => (long)count) != imageCount)
        {
            throw new ArgumentException(
                $"The class counts must be non-negative, at least one class, and add up to the {imageCount} images.",
                nameof(predictedClassCounts));
        }
        ImageCount = imageCount;
        _distances = [.. distances];
        _predictedClassCounts = [.. predictedClassCounts];
        // The smallest value with at least 95 % of the sample at or below it: rank ⌈0.95·m⌉, in whole numbers.
        TailThreshold = _distances[(int)((95L * _distances.Length + 99) / 100) - 1];
    }

    /// <summary>How many validation images were measured.</summary>
    public int ImageCount { get; }

    /// <summary>The sorted distances: every image's, or quantiles when there were more than could be kept.</summary>
    public IReadOnlyList<double> Distances => _distances;

    /// <summary>Validation images predicted as each class, in the model's class order.</summary>
    public IReadOnlyList<int> PredictedClassCounts => _predictedClassCounts;

    /// <summary>The number of classes.</summary>
    public int ClassCount => _predictedClassCounts.Length;

    /// <summary>Whether <see cref="Distances"/> holds quantiles rather than every image's distance.</summary>
    public bool IsSummarised => _distances.Length < ImageCount;

    /// <summary>
    /// The validation 95th percentile: the smallest stored distance with at least 95 % of them at or below it. A
    /// distance d is above it exactly when <see cref="PercentileOf"/>(d) ≥ 0.95.
    /// </summary>
    public double TailThreshold { get; }

    internal ReadOnlySpan<double> SortedDistances => _distances;

    /// <summary>
    /// The share of validation images with a distance strictly smaller than <paramref name="distance"/>, in [0, 1]:
    /// 0 at or below the smallest, 1 above the largest, and 1 for +∞ (more unusual than every validation image, even
    /// when some of them were +∞ too). Ties count as not smaller.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distance"/> is NaN or negative.</exception>
    public double PercentileOf(double distance)
    {
        if (!(distance >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "A distance is a non-negative number or +∞.");
        }
        if (double.IsPositiveInfinity(distance))
        {
            return 1;
        }
        return (double)CountBelow(distance) / _distances.Length;
    }

    /// <summary>
    /// Records a version's validation results: one distance and one predicted class per image, the distances kept
    /// whole up to <paramref name="maxStoredDistances"/> values and as that many quantiles beyond.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, a distance is NaN or negative, or a
    /// class is outside [0, <paramref name="classCount"/>).</exception>
    public static ValidationDistribution Measure(
        IReadOnlyList<double> distances,
        IReadOnlyList<int> predictedClasses,
        int classCount,
        int maxStoredDistances = DefaultMaxStoredDistances)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxStoredDistances, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxStoredDistances, KolmogorovSmirnovTest.MaxSampleSize);
        if (distances.Count == 0 || distances.Count != predictedClasses.Count)
        {
            throw new ArgumentException(
                $"One distance and one predicted class per validation image, at least one: got {distances.Count} and {predictedClasses.Count}.");
        }
        var counts = new int[classCount];
        foreach (var predicted in predictedClasses)
        {
            if (predicted < 0 || predicted >= classCount)
            {
                throw new ArgumentException($"Predicted class {predicted} is outside the {classCount} classes.", nameof(predictedClasses));
            }
            counts[predicted]++;
        }
        if (distances.Any(distance => !(distance >= 0)))
        {
            throw new ArgumentException("A distance is a non-negative number or +∞.", nameof(distances));
        }
        var sorted = distances.Order().ToArray();
        return new ValidationDistribution(sorted.Length, Quantiles(sorted, maxStoredDistances), counts);
    }

    /// <summary>The sample itself when it fits, otherwise the order statistics at ranks ⌊(2i + 1)·n / 2m⌋.</summary>
    private static double[] Quantiles(double[] sorted, int count)
    {
        if (sorted.Length <= count)
        {
            return sorted;
        }
        var quantiles = new double[count];
        for (var i = 0; i < count; i++)
        {
            quantiles[i] = sorted[(2L * i + 1) * sorted.Length / (2L * count)];
        }
        return quantiles;
    }

    /// <summary>How many stored distances are strictly below <paramref name="distance"/> (binary search).</summary>
    private int CountBelow(double distance)
    {
        int low = 0, high = _distances.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_distances[middle] < distance)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}
