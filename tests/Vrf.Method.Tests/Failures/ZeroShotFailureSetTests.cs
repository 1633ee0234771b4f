namespace Vrf.Method.Tests.Failures;

public sealed class ZeroShotFailureSetTests
{
    [Fact]
    public void Members_are_the_rows_the_fine_tuned_model_gets_right_and_the_zero_shot_model_gets_wrong()
    {
        var features = new Matrix(4, 2, [3, 4, 1, 0, 0, 2, 6, 8]);
        var logits = new ModelLogits(
            zeroShot: new Matrix(4, 2, [0, 1, 1, 0, 0, 1, 1, 0]),
            fineTuned: new Matrix(4, 2, [1, 0, 1, 0, 1, 0, 0, 1]));

        var failures = ZeroShotFailureSet.Select(features, logits, [0, 0, 0, 1]);

        Assert.Equal([0, 2, 3], failures.Indices);
        Assert.Equal(4, failures.TrainingRows);
        Assert.Equal([0.6, 0.8, 0, 1, 0.6, 0.8], failures.Members.Data);
    }

    [Fact]
    public void An_exact_tie_in_the_zero_shot_logits_goes_to_the_first_class_and_decides_membership()
    {
        var features = new Matrix(2, 1, [1, 1]);
        var logits = new ModelLogits(
            zeroShot: new Matrix(2, 2, [0.5, 0.5, 0.5, 0.5]),
            fineTuned: new Matrix(2, 2, [1, 0, 0, 1]));

        var failures = ZeroShotFailureSet.Select(features, logits, [0, 1]);

        Assert.Equal([1], failures.Indices);
    }

    [Fact]
    public void When_the_zero_shot_model_never_fails_the_set_is_empty()
    {
        var logits = new ModelLogits(new Matrix(2, 2, [1, 0, 0, 1]), new Matrix(2, 2, [1, 0, 0, 1]));

        var failures = ZeroShotFailureSet.Select(new Matrix(2, 3, [1, 2, 3, 4, 5, 6]), logits, [0, 1]);

        Assert.True(failures.IsEmpty);
        Assert.Equal(0, failures.Members.Rows);
        Assert.Equal(3, failures.Members.Columns);
    }
}
