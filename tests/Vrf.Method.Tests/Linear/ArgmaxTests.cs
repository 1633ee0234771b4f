namespace Vrf.Method.Tests.Linear;

public sealed class ArgmaxTests
{
    [Fact]
    public void When_scores_tie_exactly_the_first_class_wins()
    {
        Assert.Equal(1, Argmax.Of([0.1, 0.7, 0.7, 0.2]));
        Assert.Equal(0, Argmax.Of([3.0, 3.0, 3.0]));
    }

    [Fact]
    public void Each_row_gets_its_own_largest_score()
    {
        var scores = new Matrix(3, 3, [1, 2, 3, 9, 0, 9, -1, -5, -2]);

        Assert.Equal([2, 0, 0], Argmax.Rows(scores));
    }

    [Fact]
    public void An_empty_row_has_no_prediction()
    {
        Assert.Throws<ArgumentException>(() => Argmax.Of([]));
    }
}
