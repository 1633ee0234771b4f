namespace Vrf.Method.Tests.Linear;

public sealed class ClassMaskTests
{
    [Fact]
    public void Projection_keeps_the_masked_columns_in_order()
    {
        var mask = new ClassMask([false, true, false, true]);

        var projected = mask.Project(new Matrix(2, 4, [1, 2, 3, 4, 5, 6, 7, 8]));

        Assert.Equal(2, mask.KeptCount);
        Assert.Equal([1, 3], mask.KeptClasses);
        Assert.Equal([2.0, 4, 6, 8], projected.Data);
    }

    [Fact]
    public void Expanding_puts_each_kept_column_back_at_its_class_with_zeros_elsewhere()
    {
        var mask = new ClassMask([false, true, false, true]);

        var expanded = mask.Expand(new Matrix(2, 2, [0.25, 0.75, 1, 0]));

        Assert.Equal([0, 0.25, 0, 0.75, 0, 1, 0, 0], expanded.Data);
        Assert.Throws<ArgumentException>(() => mask.Expand(new Matrix(1, 3)));
    }

    [Fact]
    public void Projecting_before_the_softmax_renormalises_over_the_kept_classes()
    {
        var logits = new Matrix(1, 3, [5, 0, 0]);

        var probabilities = Softmax.Rows(new ClassMask([false, true, true]).Project(logits));

        Assert.Equal([0.5, 0.5], probabilities.Data);
    }

    [Fact]
    public void Projection_before_argmax_makes_predictions_index_the_kept_classes()
    {
        var logits = new ModelLogits(new Matrix(1, 3, [9, 1, 2]), new Matrix(1, 3, [9, 3, 2]));

        var projected = logits.Project(new ClassMask([false, true, true]));

        Assert.Equal([1], Argmax.Rows(projected.ZeroShot));
        Assert.Equal([0], Argmax.Rows(projected.FineTuned));
    }

    [Fact]
    public void A_mask_that_keeps_nothing_or_covers_other_classes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ClassMask([false, false]));
        Assert.Throws<ArgumentException>(() => new ClassMask([true, false]).Project(new Matrix(1, 3)));
    }
}
