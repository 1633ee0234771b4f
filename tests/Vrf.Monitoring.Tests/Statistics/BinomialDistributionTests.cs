using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Statistics;

public sealed class BinomialDistributionTests
{
    [Fact]
    public void Point_probabilities_and_upper_tails_match_SciPy_from_near_one_to_near_zero()
    {
        foreach (var element in DriftFixture.Cases("binomial.json"))
        {
            var (k, n, p) = (element.GetProperty("k").GetInt32(), element.GetProperty("n").GetInt32(), DriftFixture.Number(element, "p"));
            var distribution = new BinomialDistribution(n, p);

            Close.Equal(DriftFixture.Number(element, "probability"), distribution.ProbabilityOf(k), relative: 1e-12, because: $"P(X = {k}), B({n}, {p})");
            Close.Equal(DriftFixture.Number(element, "at_least"), distribution.AtLeast(k), relative: 1e-11, absolute: 1e-15, because: $"P(X ≥ {k}), B({n}, {p})");
        }
    }

    [Fact]
    public void Outside_the_support_the_tails_are_exact()
    {
        var distribution = new BinomialDistribution(10, 0.05);

        Assert.Equal(1.0, distribution.AtLeast(-3));
        Assert.Equal(0.0, distribution.AtLeast(11));
        Assert.Equal(0.0, distribution.ProbabilityOf(11));
        Assert.Equal(1.0, new BinomialDistribution(10, 0).ProbabilityOf(0));
        Assert.Equal(0.0, new BinomialDistribution(10, 0).AtLeast(1));
        Assert.Equal(1.0, new BinomialDistribution(10, 1).AtLeast(10));
    }

    [Fact]
    public void A_probability_outside_zero_to_one_or_negative_trials_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinomialDistribution(10, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinomialDistribution(10, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BinomialDistribution(-1, 0.5));
    }
}
