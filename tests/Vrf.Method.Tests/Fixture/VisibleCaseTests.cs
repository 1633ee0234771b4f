using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Method.Tests.Fixture;

/// <summary>Each step of the method, called through the public API, reproduces its fields of the visible case.</summary>
public sealed class VisibleCaseTests(VisibleCase visible) : IClassFixture<VisibleCase>
{
    public static TheoryData<string> TestSplits => ["id", "shift"];

    private ZeroShotFailureSet Failures => ZeroShotFailureSet.Select(
        visible.Inputs.Train.FineTunedFeatures, visible.Inputs.Train.Logits, visible.Inputs.Train.Labels);

    private int K => visible.Expected.GetProperty("K").GetInt32();

    private Temperatures Temperatures => new(visible.Expected.GetProperty("T_zs").GetDouble(), visible.Expected.GetProperty("T_ft").GetDouble());

    [Fact]
    public void The_zero_shot_failure_set_holds_the_reference_training_rows()
    {
        var failures = Failures;

        Assert.Equal(VisibleCase.Integers(visible.Expected.GetProperty("zsf_indices")), failures.Indices);
        Assert.Equal(visible.Expected.GetProperty("zsf_size").GetInt32(), failures.Count);
        Assert.Equal(failures.Count, failures.Members.Rows);
    }

    [Fact]
    public void Every_K_rule_gives_the_reference_K()
    {
        var failures = Failures;

        var rank = NeighbourRank.Resolve(KRule.Code, failures.Count, failures.TrainingRows);

        Assert.Equal(visible.Expected.GetProperty("K_code").GetInt32(), rank.CodeRule);
        Assert.Equal(visible.Expected.GetProperty("K_paper").GetInt32(), rank.PaperRule);
        Assert.Equal(K, rank.K);
    }

    [Theory]
    [InlineData("zs")]
    [InlineData("ft")]
    public void The_temperature_search_follows_the_reference_step_for_step(string model)
    {
        var validation = visible.Inputs.Validation;
        var logits = model == "zs" ? validation.Logits.ZeroShot : validation.Logits.FineTuned;

        var calibrated = TemperatureCalibration.Reference.Fit(logits, validation.Labels);

        Assert.Equal(visible.Expected.GetProperty($"val_acc_{model}").GetDouble(), calibrated.TargetAccuracy, 12);
        Assert.Equal(visible.Expected.GetProperty($"calibration_steps_{model}").GetInt32(), calibrated.Steps);
        var expectedTemperature = visible.Expected.GetProperty($"T_{model}").GetDouble();
        Assert.True(VrfTolerance.Temperature(expectedTemperature, calibrated.Temperature), $"T_{model} = {calibrated.Temperature}, expected {expectedTemperature}");
        var expectedTrace = visible.Expected.GetProperty($"calibration_trace_{model}").EnumerateArray().Select(VisibleCase.Numbers).ToArray();
        for (var step = 0; step < expectedTrace.Length; step++)
        {
            AssertAll(expectedTrace[step], calibrated.Trace[step].ToRow(), VrfTolerance.Trace, $"trace step {step}");
        }
    }

    [Fact]
    public void Validation_distances_are_the_reference_K_th_neighbour_distances()
    {
        using var index = ExactFailureIndex.Build(Failures);

        var distances = index.KthDistances(visible.Inputs.Validation.FineTunedFeatures, K);

        AssertAll(visible.ExpectedNumbers("val_d"), distances, VrfTolerance.Value, "val_d");
    }

    [Theory]
    [MemberData(nameof(TestSplits))]
    public void Test_distances_weights_and_probabilities_match_the_reference(string name)
    {
        var test = visible.Test(name);
        var expected = visible.ExpectedTest(name);
        using var index = ExactFailureIndex.Build(Failures);

        var distances = index.KthDistances(test.FineTunedFeatures, K);
        var weights = visible.Inputs.Parameters.Weight.At(distances);
        var probabilities = new VrfEnsemble(test.Logits, Temperatures, test.Mask).Probabilities(weights);

        AssertAll(VisibleCase.Numbers(expected.GetProperty("d")), distances, VrfTolerance.Value, "d");
        AssertAll(VisibleCase.Numbers(expected.GetProperty("weights")), weights, VrfTolerance.Value, "weights");
        var expectedProbabilities = expected.GetProperty("vrf_probs").EnumerateArray().SelectMany(VisibleCase.Numbers).ToArray();
        AssertAll(expectedProbabilities, probabilities.Data, VrfTolerance.Value, "vrf_probs");
    }

    [Theory]
    [MemberData(nameof(TestSplits))]
    public void Predictions_match_the_reference_except_on_near_ties(string name)
    {
        var test = visible.Test(name);
        var expected = visible.ExpectedTest(name);
        var weights = VisibleCase.Numbers(expected.GetProperty("weights"));
        var expectedProbabilities = expected.GetProperty("vrf_probs");
        var lseLogits = LogitSpaceEnsemble.Logits(test.Logits, weights, test.Mask);
        var lseScores = Softmax.Rows(lseLogits);

        var vrfPredictions = new VrfEnsemble(test.Logits, Temperatures, test.Mask).Predict(weights);
        var lsePredictions = Argmax.Rows(lseLogits);

        AssertSameOrNearTie(VisibleCase.Integers(expected.GetProperty("vrf_pred")), vrfPredictions,
            row => VisibleCase.Numbers(expectedProbabilities[row]));
        AssertSameOrNearTie(VisibleCase.Integers(expected.GetProperty("lse_pred")), lsePredictions,
            row => lseScores.Row(row).ToArray());
    }

    [Theory]
    [MemberData(nameof(TestSplits))]
    public void Single_model_and_ensemble_test_accuracies_match_the_reference(string name)
    {
        var test = visible.Test(name);
        var expected = visible.ExpectedTest(name);
        var logits = test.ProjectedLogits;
        var weights = VisibleCase.Numbers(expected.GetProperty("weights"));
        var ose = new OutputSpaceEnsemble(logits);
        var tuned = new EnsembleWeight(visible.Expected.GetProperty("vrf_a").GetDouble(), visible.Expected.GetProperty("vrf_b").GetDouble());
        var vrf = new VrfEnsemble(logits, Temperatures);

        AssertAccuracy(expected, name, "zs_acc", "zs", Accuracy.Of(logits.ZeroShot, test.Labels));
        AssertAccuracy(expected, name, "ft_acc", "ft", Accuracy.Of(logits.FineTuned, test.Labels));
        AssertAccuracy(expected, name, "vrf_acc", "vrf", Accuracy.Of(vrf.Predict(weights), test.Labels));
        AssertAccuracy(expected, name, "lse_acc", "lse", Accuracy.Of(LogitSpaceEnsemble.Predict(logits, weights), test.Labels));
        AssertAccuracy(expected, name, "ose_acc_at_alpha", "ose_any_alpha",
            Accuracy.Of(ose.Predict(visible.Expected.GetProperty("ose_alpha").GetDouble()), test.Labels));
        AssertAccuracy(expected, name, "vrf_tuned_acc", "tuned",
            Accuracy.Of(vrf.Predict(tuned.At(VisibleCase.Numbers(expected.GetProperty("d")))), test.Labels));
        var alphas = visible.ExpectedNumbers("ose_alpha_grid");
        var expectedOse = VisibleCase.Numbers(expected.GetProperty("ose_acc"));
        for (var i = 0; i < alphas.Length; i++)
        {
            var actual = Accuracy.Of(ose.Predict(alphas[i]), test.Labels);
            Assert.True(VrfTolerance.Accuracy(expectedOse[i], actual, visible.NearTieRows(name, "ose_any_alpha"), test.Rows),
                $"ose_acc[{i}] = {actual}, expected {expectedOse[i]}");
        }
    }

    [Fact]
    public void The_OSE_alpha_search_reproduces_the_validation_grid_and_choice()
    {
        var validation = visible.Inputs.Validation;

        var search = OseAlphaSearch.Run(validation.Logits, validation.Labels, visible.Inputs.Parameters.OseAlphaGrid);

        AssertAll(visible.ExpectedNumbers("ose_alpha_grid"), [.. search.Grid], VrfTolerance.Grid, "ose_alpha_grid");
        AssertAll(visible.ExpectedNumbers("ose_val_acc"), [.. search.Accuracies], (e, a) => VrfTolerance.Accuracy(e, a, 0, validation.Rows), "ose_val_acc");
        Assert.True(VrfTolerance.GridPoint(visible.Expected.GetProperty("ose_alpha").GetDouble(), search.Alpha), $"α = {search.Alpha}");
    }

    [Fact]
    public void The_VRF_parameter_search_reproduces_the_validation_grid_and_choice()
    {
        var validation = visible.Inputs.Validation;
        var parameters = visible.Inputs.Parameters;

        var search = VrfParameterSearch.Run(validation.Logits, validation.Labels, visible.ExpectedNumbers("val_d"),
            Temperatures, parameters.VrfAGrid, parameters.VrfBGrid);

        AssertAll(visible.ExpectedNumbers("vrf_a_grid"), [.. search.AGrid], VrfTolerance.Grid, "vrf_a_grid");
        AssertAll(visible.ExpectedNumbers("vrf_b_grid"), [.. search.BGrid], VrfTolerance.Grid, "vrf_b_grid");
        var expectedGrid = visible.Expected.GetProperty("vrf_val_acc").EnumerateArray().SelectMany(VisibleCase.Numbers).ToArray();
        AssertAll(expectedGrid, [.. search.Accuracies.SelectMany(row => row)], (e, a) => VrfTolerance.Accuracy(e, a, 0, validation.Rows), "vrf_val_acc");
        Assert.True(VrfTolerance.GridPoint(visible.Expected.GetProperty("vrf_a").GetDouble(), search.Best.A), $"a = {search.Best.A}");
        Assert.True(VrfTolerance.GridPoint(visible.Expected.GetProperty("vrf_b").GetDouble(), search.Best.B), $"b = {search.Best.B}");
    }

    private void AssertAccuracy(JsonElement expectedTest, string name, string field, string tieKind, double actual)
    {
        var expected = expectedTest.GetProperty(field).GetDouble();
        Assert.True(VrfTolerance.Accuracy(expected, actual, visible.NearTieRows(name, tieKind), expectedTest.GetProperty("n").GetInt32()),
            $"{name}.{field} = {actual}, expected {expected}");
    }

    private static void AssertAll(double[] expected, double[] actual, Func<double, double, bool> close, string field)
    {
        Assert.Equal(expected.Length, actual.Length);
        var wrong = Enumerable.Range(0, expected.Length).Where(i => !close(expected[i], actual[i])).ToArray();
        Assert.True(wrong.Length == 0,
            $"{field}: {wrong.Length} values out of tolerance, first [{wrong.FirstOrDefault()}]: expected {expected.ElementAtOrDefault(wrong.FirstOrDefault())}, got {actual.ElementAtOrDefault(wrong.FirstOrDefault())}");
    }

    private static void AssertSameOrNearTie(int[] expected, int[] actual, Func<int, double[]> expectedScores)
    {
        Assert.Equal(expected.Length, actual.Length);
        foreach (var row in Enumerable.Range(0, expected.Length).Where(row => expected[row] != actual[row]))
        {
            var scores = expectedScores(row);
            Assert.True(Math.Abs(scores[expected[row]] - scores[actual[row]]) < VrfTolerance.NearTieGap,
                $"row {row}: predicted {actual[row]}, expected {expected[row]}, and the scores are not a near tie");
        }
    }
}
