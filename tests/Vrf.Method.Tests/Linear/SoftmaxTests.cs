namespace Vrf.Method.Tests.Linear;

public sealed class SoftmaxTests
{
    [Fact]
    public void Logits_of_ten_thousand_give_finite_probabilities_that_sum_to_one()
    {
        var logits = new Matrix(2, 3, [1e4, 1e4 - 1, -1e4, -1e4, -1e4, -1e4 + 2]);

        var probabilities = Softmax.Rows(logits, 0.5);

        Assert.All(probabilities.Data, p => Assert.True(double.IsFinite(p)));
        Assert.Equal(1.0, probabilities.Row(0).ToArray().Sum(), 12);
        Assert.Equal(1 / (1 + Math.Exp(-2)), probabilities[0, 0], 12);
        Assert.Equal(0.0, probabilities[0, 2]);
        Assert.Equal(1 / (1 + 2 * Math.Exp(-4)), probabilities[1, 2], 12);
    }

    [Fact]
    public void A_higher_temperature_flattens_the_distribution()
    {
        var logits = new Matrix(1, 2, [2, 0]);

        var sharp = Softmax.Rows(logits, 1);
        var flat = Softmax.Rows(logits, 4);

        Assert.Equal(Math.Exp(2) / (Math.Exp(2) + 1), sharp[0, 0], 14);
        Assert.Equal(Math.Exp(0.5) / (Math.Exp(0.5) + 1), flat[0, 0], 14);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_temperature_that_is_not_positive_and_finite_is_refused(double temperature)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Rows(new Matrix(1, 2, [1, 2]), temperature));
    }
}
