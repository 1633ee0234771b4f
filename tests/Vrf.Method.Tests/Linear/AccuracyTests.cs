namespace Vrf.Method.Tests.Linear;

public sealed class AccuracyTests
{
    [Fact]
    public void Accuracy_is_correct_rows_over_all_rows()
    {
        Assert.Equal(2.0 / 3, Accuracy.Of([0, 1, 2], [0, 1, 1]));
    }

    [Fact]
    public void Accuracy_of_scores_uses_their_argmax()
    {
        Assert.Equal(0.5, Accuracy.Of(new Matrix(2, 2, [1, 1, 0, 1]), [1, 1]));
    }

    [Fact]
    public void Predictions_and_labels_must_pair_up()
    {
        Assert.Throws<ArgumentException>(() => Accuracy.Of([0, 1], [0]));
        Assert.Throws<ArgumentException>(() => Accuracy.Of([], []));
    }
}
