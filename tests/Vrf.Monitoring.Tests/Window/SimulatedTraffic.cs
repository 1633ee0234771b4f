namespace Vrf.Monitoring.Tests.Window;

/// <summary>
/// Seeded synthetic traffic for one model version: a validation split (d from a gamma distribution like the ones
/// measured on real failure sets, ten classes of unequal frequency, some zero-shot/fine-tuned disagreement), served
/// results drawn from that validation split itself, and shifted results (larger d, or one class over-represented).
/// </summary>
public sealed class SimulatedTraffic
{
    private const int Classes = 10;
    private static readonly double[] ClassWeights = [1.0, 1.2, 0.9, 1.1, 1.0, 0.8, 1.3, 0.95, 1.05, 0.7];
    private readonly Random _random;
    private readonly (double Distance, int Class, bool Disagrees)[] _validation;

    public SimulatedTraffic(int seed, int validationImages = 1000)
    {
        _random = new Random(seed);
        _validation = [.. Enumerable.Range(0, validationImages).Select(_ => (Gamma(4, 0.1), WeightedClass(ClassWeights), _random.NextDouble() < 0.1))];
        Validation = ValidationDistribution.Measure(
            [.. _validation.Select(image => image.Distance)], [.. _validation.Select(image => image.Class)], Classes);
    }

    public ValidationDistribution Validation { get; }

    /// <summary>A result drawn from the validation split itself: the in-distribution null hypothesis, exactly.</summary>
    public MonitoredResult InDistribution()
    {
        var image = _validation[_random.Next(_validation.Length)];
        return Result(image.Distance, image.Class, image.Disagrees);
    }

    /// <summary>
    /// A fresh in-distribution image from the population the validation split was drawn from: the null hypothesis
    /// with the validation split's own sampling error left in (its 95th percentile and class frequencies are
    /// estimates, which the binomial and chi-squared tests take as exact).
    /// </summary>
    public MonitoredResult FreshInDistribution() =>
        Result(Gamma(4, 0.1), WeightedClass(ClassWeights), _random.NextDouble() < 0.1);

    /// <summary>An image from a shifted domain: d from a gamma with <paramref name="scale"/> (validation's is 0.1), classes as in validation.</summary>
    public MonitoredResult DistanceShifted(double scale) =>
        Result(Gamma(4, scale), WeightedClass(ClassWeights), _random.NextDouble() < 0.3);

    /// <summary>In-distribution d, but class 3 predicted <paramref name="factor"/> times as often as in validation (label shift).</summary>
    public MonitoredResult LabelShifted(double factor)
    {
        var weights = ClassWeights.ToArray();
        weights[3] *= factor;
        var image = _validation[_random.Next(_validation.Length)];
        return Result(image.Distance, WeightedClass(weights), image.Disagrees);
    }

    private static MonitoredResult Result(double distance, int predicted, bool disagrees) =>
        new(predicted, disagrees ? (predicted + 1) % Classes : predicted, predicted, distance, 1 / (1 + Math.Exp((distance - 1.5) / 0.6)));

    /// <summary>Gamma(shape, scale) for a whole shape: a sum of exponentials.</summary>
    private double Gamma(int shape, double scale)
    {
        var sum = 0.0;
        for (var i = 0; i < shape; i++)
        {
            sum -= Math.Log(1 - _random.NextDouble());
        }
        return Math.Round(sum * scale, 6);
    }

    private int WeightedClass(double[] weights)
    {
        var target = _random.NextDouble() * weights.Sum();
        for (var c = 0; c < weights.Length; c++)
        {
            target -= weights[c];
            if (target < 0)
            {
                return c;
            }
        }
        return weights.Length - 1;
    }
}
