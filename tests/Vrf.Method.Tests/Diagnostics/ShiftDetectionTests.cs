namespace Vrf.Method.Tests.Diagnostics;

public sealed class ShiftDetectionTests
{
    [Fact]
    public void Shifted_scores_all_above_the_in_distribution_ones_give_one_and_all_below_give_zero()
    {
        Assert.Equal(1, ShiftDetection.Auroc([0.1, 0.2, 0.3], [0.4, 0.9]));
        Assert.Equal(0, ShiftDetection.Auroc([0.4, 0.9], [0.1, 0.2, 0.3]));
    }

    [Fact]
    public void Each_pair_counts_one_when_the_shifted_image_scores_higher_and_a_half_when_they_tie()
    {
        // Pairs (shifted, ID): 2 vs {1, 2, 3} gives 1 + 0.5 + 0 = 1.5; 3 vs {1, 2, 3} gives 1 + 1 + 0.5 = 2.5; 4 gives 3.
        // (1.5 + 2.5 + 3) / (3 x 3) = 7/9.
        Assert.Equal(7.0 / 9, ShiftDetection.Auroc([1, 2, 3], [2, 3, 4]), 12);
    }

    [Fact]
    public void Infinite_distances_tie_with_each_other_and_beat_every_finite_one()
    {
        // Pairs: ∞ vs {0.5, ∞} gives 1 + 0.5; 1 vs {0.5, ∞} gives 1 + 0: 2.5 of 4.
        Assert.Equal(0.625, ShiftDetection.Auroc([0.5, double.PositiveInfinity], [double.PositiveInfinity, 1]));
        Assert.Equal(0.5, ShiftDetection.Auroc([double.PositiveInfinity], [double.PositiveInfinity, double.PositiveInfinity]));
    }

    [Fact]
    public void Empty_lists_and_nan_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ShiftDetection.Auroc([], [1]));
        Assert.Throws<ArgumentException>(() => ShiftDetection.Auroc([1], [double.NaN]));
    }
}
