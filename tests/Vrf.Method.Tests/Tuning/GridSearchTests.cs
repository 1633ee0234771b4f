namespace Vrf.Method.Tests.Tuning;

public sealed class GridSearchTests
{
    private static readonly ModelLogits Logits = new(
        zeroShot: new Matrix(3, 2, [1, 0, 1, 0, 0, 1]),
        fineTuned: new Matrix(3, 2, [0, 1, 0, 1, 0, 1]));

    [Fact]
    public void When_several_alphas_share_the_best_accuracy_the_smallest_wins()
    {
        var search = OseAlphaSearch.Run(Logits, [1, 1, 1], [0.0, 0.25, 0.75, 1.0]);

        Assert.Equal(0.75, search.Alpha);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0, 1.0], search.Accuracies);
    }

    [Fact]
    public void When_several_a_b_cells_share_the_best_accuracy_the_first_in_a_major_order_wins()
    {
        var search = VrfParameterSearch.Run(Logits, [1, 1, 1], [0.5, 0.5, 0.5], new Temperatures(1, 1),
            aGrid: [0.1, 1.0, 2.0], bGrid: [0.1, 0.2]);

        Assert.Equal(1.0, search.Best.A);
        Assert.Equal(0.1, search.Best.B);
        Assert.Equal([1.0 / 3, 1.0 / 3], search.Accuracies[0]);
        Assert.Equal([1.0, 1.0], search.Accuracies[1]);
    }

    [Fact]
    public void An_empty_grid_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OseAlphaSearch.Run(Logits, [1, 1, 1], []));
    }
}
