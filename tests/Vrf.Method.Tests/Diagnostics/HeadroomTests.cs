namespace Vrf.Method.Tests.Diagnostics;

public sealed class HeadroomTests
{
    [Fact]
    public void Headroom_counts_the_images_only_the_zero_shot_model_gets_right()
    {
        // Rows: both right, only zero-shot right, only fine-tuned right, both wrong, only zero-shot right: 2 of 5.
        int[] labels = [0, 1, 2, 3, 4];
        int[] zeroShot = [0, 1, 0, 0, 4];
        int[] fineTuned = [0, 2, 2, 1, 3];

        Assert.Equal(0.4, Headroom.Of(zeroShot, fineTuned, labels));
    }

    [Fact]
    public void A_fine_tuned_model_right_wherever_the_zero_shot_one_is_leaves_none()
    {
        Assert.Equal(0, Headroom.Of([0, 5, 5], [0, 1, 5], [0, 1, 2]));
    }

    [Fact]
    public void Predictions_and_labels_must_pair_up()
    {
        Assert.Throws<ArgumentException>(() => Headroom.Of([0, 1], [0, 1], [0]));
        Assert.Throws<ArgumentException>(() => Headroom.Of([], [], []));
    }
}
