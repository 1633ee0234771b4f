namespace Vrf.Method.Tests.Ensembles;

public sealed class EnsembleTests
{
    private static readonly ModelLogits Logits = new(
        zeroShot: new Matrix(2, 3, [2, 1, 0, 0, 0, 3]),
        fineTuned: new Matrix(2, 3, [0, 4, 1, 1, 0, 0]));

    [Fact]
    public void VRF_with_weight_one_is_the_calibrated_fine_tuned_model_and_with_weight_zero_the_zero_shot_one()
    {
        var vrf = new VrfEnsemble(Logits, new Temperatures(ZeroShot: 2, FineTuned: 0.5));

        var probabilities = vrf.Probabilities([1.0, 0.0]);

        Assert.Equal(Softmax.Rows(Logits.FineTuned, 0.5).Row(0).ToArray(), probabilities.Row(0).ToArray());
        Assert.Equal(Softmax.Rows(Logits.ZeroShot, 2).Row(1).ToArray(), probabilities.Row(1).ToArray());
    }

    [Fact]
    public void VRF_mixes_probabilities_row_by_row()
    {
        var vrf = new VrfEnsemble(Logits, new Temperatures(1, 1));
        var zeroShot = Softmax.Rows(Logits.ZeroShot);
        var fineTuned = Softmax.Rows(Logits.FineTuned);

        var probabilities = vrf.Probabilities([0.25, 0.75]);

        Assert.Equal(0.25 * fineTuned[0, 1] + 0.75 * zeroShot[0, 1], probabilities[0, 1], 15);
        Assert.Equal(0.75 * fineTuned[1, 2] + 0.25 * zeroShot[1, 2], probabilities[1, 2], 15);
        Assert.Equal(Argmax.Rows(probabilities), vrf.Predict([0.25, 0.75]));
    }

    [Fact]
    public void With_a_class_mask_VRF_renormalises_over_the_kept_classes()
    {
        var vrf = new VrfEnsemble(Logits, new Temperatures(1, 1), new ClassMask([true, false, true]));

        var probabilities = vrf.Probabilities([0.5, 0.5]);

        Assert.Equal(2, probabilities.Columns);
        Assert.Equal(1.0, probabilities[0, 0] + probabilities[0, 1], 15);
        Assert.Equal([0, 1], vrf.Predict([0.5, 0.5]));
    }

    [Fact]
    public void OSE_uses_raw_logits_and_a_constant_alpha()
    {
        var ose = new OutputSpaceEnsemble(Logits);

        Assert.Equal(Softmax.Rows(Logits.ZeroShot).Data, ose.Probabilities(0).Data);
        Assert.Equal(Softmax.Rows(Logits.FineTuned).Data, ose.Probabilities(1).Data);
        Assert.Equal([0, 2], ose.Predict(0));
        Assert.Equal([1, 0], ose.Predict(1));
    }

    [Fact]
    public void LSE_mixes_raw_logits_with_the_per_row_weight()
    {
        var logits = LogitSpaceEnsemble.Logits(Logits, [0.5, 1.0]);

        Assert.Equal([1.0, 2.5, 0.5, 1, 0, 0], logits.Data);
        Assert.Equal([1, 0], LogitSpaceEnsemble.Predict(Logits, [0.5, 1.0]));
        Assert.Equal([1, 0], LogitSpaceEnsemble.Predict(Logits, [0.5, 1.0], new ClassMask([true, true, false])));
    }

    [Fact]
    public void One_weight_per_row_is_required()
    {
        Assert.Throws<ArgumentException>(() => new VrfEnsemble(Logits, new Temperatures(1, 1)).Predict([0.5]));
    }
}
