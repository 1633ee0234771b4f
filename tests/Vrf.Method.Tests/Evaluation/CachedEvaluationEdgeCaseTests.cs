using System.Text.Json;
using System.Text.Json.Nodes;
using Vrf.Method.Evaluation;

namespace Vrf.Method.Tests.Evaluation;

public sealed class CachedEvaluationEdgeCaseTests
{
    [Fact]
    public void When_the_zero_shot_model_never_fails_on_train_VRF_falls_back_to_it_and_says_so()
    {
        var json = SyntheticInputs.Create();
        var train = json["train"]!;
        train["logits_zs"] = new JsonArray([.. train["labels"]!.AsArray().Select(label => (JsonNode)OneHot(label!.GetValue<int>()))]);

        var result = CachedEvaluation.Run(CachedInputsReader.Parse(json.ToJsonString()));

        Assert.True(result.Failures.IsEmpty);
        var test = Assert.Single(result.Tests);
        Assert.All(test.Distances, d => Assert.Equal(double.PositiveInfinity, d));
        Assert.All(test.Weights, w => Assert.Equal(0.0, w));
        Assert.Equal(test.ZeroShotAccuracy, test.VrfAccuracy);
        Assert.Contains(result.Warnings, warning => warning.StartsWith("the zero-shot failure set is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Infinite_distances_are_written_as_null_and_weights_as_zero()
    {
        var json = SyntheticInputs.Create();
        var train = json["train"]!;
        train["logits_zs"] = new JsonArray([.. train["labels"]!.AsArray().Select(label => (JsonNode)OneHot(label!.GetValue<int>()))]);

        using var output = JsonDocument.Parse(CachedEvaluationJson.ToJson(CachedEvaluation.Run(CachedInputsReader.Parse(json.ToJsonString()))));

        var test = output.RootElement.GetProperty("tests")[0];
        Assert.All(test.GetProperty("d").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.ValueKind));
        Assert.All(test.GetProperty("weights").EnumerateArray(), w => Assert.Equal(0.0, w.GetDouble()));
        Assert.All(output.RootElement.GetProperty("val_d").EnumerateArray(), d => Assert.Equal(JsonValueKind.Null, d.ValueKind));
        Assert.Equal(0, output.RootElement.GetProperty("zsf_size").GetInt32());
        Assert.Single(output.RootElement.GetProperty("meta").GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void An_explicit_K_above_the_failure_set_size_is_clamped_with_a_warning()
    {
        var json = SyntheticInputs.Create();
        json["params"]!["k_rule"] = "explicit";
        json["params"]!["k"] = 100_000;

        var result = CachedEvaluation.Run(CachedInputsReader.Parse(json.ToJsonString()));

        Assert.False(result.Failures.IsEmpty);
        Assert.Equal(result.Failures.Count, result.NeighbourRank.K);
        Assert.True(result.NeighbourRank.WasClamped);
        Assert.Contains($"explicit K = 100000 is outside [1, |V| = {result.Failures.Count}]; clamped to K = {result.Failures.Count}", result.Warnings);
    }

    [Fact]
    public void A_masked_test_split_is_scored_over_its_kept_classes_only()
    {
        var json = SyntheticInputs.Create();
        var test = SyntheticInputs.Test(json);
        test["class_mask"] = new JsonArray(true, false, true);
        test["labels"] = new JsonArray([.. test["labels"]!.AsArray().Select(label => (JsonNode)(label!.GetValue<int>() % 2))]);

        var result = Assert.Single(CachedEvaluation.Run(CachedInputsReader.Parse(json.ToJsonString())).Tests);

        Assert.Equal(2, result.VrfProbabilities.Columns);
        Assert.All(result.VrfPredictions, prediction => Assert.InRange(prediction, 0, 1));
        Assert.All(result.LsePredictions, prediction => Assert.InRange(prediction, 0, 1));
        for (var i = 0; i < result.Rows; i++)
        {
            Assert.Equal(1.0, result.VrfProbabilities.Row(i).ToArray().Sum(), 12);
        }
    }

    [Fact]
    public void The_paper_K_rule_is_used_when_asked_for()
    {
        var json = SyntheticInputs.Create();
        json["params"]!["k_rule"] = "paper";

        var result = CachedEvaluation.Run(CachedInputsReader.Parse(json.ToJsonString()));

        Assert.Equal(1, result.NeighbourRank.K);
        Assert.Equal(KRule.Paper, result.NeighbourRank.Rule);
        Assert.Empty(result.Warnings);
    }

    private static JsonArray OneHot(int label) =>
        new([.. Enumerable.Range(0, SyntheticInputs.Classes).Select(c => (JsonNode)(c == label ? 5.0 : 0.0))]);
}
