namespace Vrf.Method.Tests.Ensembles;

public sealed class EnsembleWeightTests
{
    private readonly EnsembleWeight _weight = new(a: 1.5, b: 0.6);

    [Fact]
    public void At_distance_a_both_models_count_equally()
    {
        Assert.Equal(0.5, _weight.At(1.5));
    }

    [Fact]
    public void The_weight_follows_the_logistic_formula()
    {
        Assert.Equal(1 / (1 + Math.Exp((0.3 - 1.5) / 0.6)), _weight.At(0.3), 15);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(1e6, 0.0)]
    [InlineData(-1e6, 1.0)]
    [InlineData(double.NegativeInfinity, 1.0)]
    public void Extreme_distances_give_exact_weights_without_overflow(double distance, double expected)
    {
        Assert.Equal(expected, new EnsembleWeight(1.5, 1e-3).At(distance));
    }

    [Fact]
    public void A_NaN_distance_or_a_non_positive_width_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _weight.At(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleWeight(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleWeight(double.NaN, 1));
    }
}
