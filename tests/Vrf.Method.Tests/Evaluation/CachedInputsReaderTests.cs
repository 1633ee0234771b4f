using System.Text.Json.Nodes;
using Vrf.Method.Evaluation;

namespace Vrf.Method.Tests.Evaluation;

public sealed class CachedInputsReaderTests
{
    [Fact]
    public void A_well_formed_file_is_read_with_its_shapes_and_parameters()
    {
        var inputs = CachedInputsReader.Parse(SyntheticInputs.Create().ToJsonString());

        Assert.Equal(SyntheticInputs.Classes, inputs.ClassCount);
        Assert.Equal(40, inputs.Train.Rows);
        Assert.Equal(SyntheticInputs.Dimension, inputs.Validation.FineTunedFeatures.Columns);
        Assert.Equal("id", Assert.Single(inputs.Tests).Name);
        Assert.Equal(KRule.Code, inputs.Parameters.KRule);
        Assert.Equal([0.2, 0.4], inputs.Parameters.VrfBGrid);
    }

    [Fact]
    public void Missing_grids_and_calibration_default_to_the_paper_and_the_released_code()
    {
        var json = SyntheticInputs.Create();
        var parameters = json["params"]!.AsObject();
        parameters.Remove("ose_alpha_grid");
        parameters.Remove("vrf_a_grid");
        parameters.Remove("vrf_b_grid");

        var inputs = CachedInputsReader.Parse(json.ToJsonString());

        Assert.Equal(11, inputs.Parameters.OseAlphaGrid.Count);
        Assert.Equal(3.0, inputs.Parameters.VrfAGrid[^1]);
        Assert.Equal(10, inputs.Parameters.VrfBGrid.Count);
        Assert.Equal(TemperatureCalibration.Reference, inputs.Parameters.Calibration);
    }

    [Fact]
    public void A_missing_field_is_named_with_its_path()
    {
        var json = SyntheticInputs.Create();
        json["val"]!.AsObject().Remove("logits_ft");

        AssertRejected(json, "missing field val.logits_ft");
    }

    [Fact]
    public void A_feature_row_of_the_wrong_length_is_named_with_its_split_and_row()
    {
        var json = SyntheticInputs.Create();
        json["train"]!["feats_ft"]![3]!.AsArray().RemoveAt(0);

        AssertRejected(json, "train.feats_ft[3]: expected 4 values (feature_dim), found 3");
    }

    [Fact]
    public void A_logit_row_of_the_wrong_length_is_named_with_the_test_split_name()
    {
        var json = SyntheticInputs.Create();
        SyntheticInputs.Test(json)["logits_zs"]![2]!.AsArray().Add(0.5);

        AssertRejected(json, "tests[id].logits_zs[2]: expected 3 values (num_classes), found 4");
    }

    [Fact]
    public void Row_counts_that_disagree_are_reported_for_the_split()
    {
        var json = SyntheticInputs.Create();
        json["val"]!["labels"]!.AsArray().RemoveAt(0);

        AssertRejected(json, "val: row counts differ: feats_ft 20, logits_zs 20, logits_ft 20, labels 19");
    }

    [Fact]
    public void A_label_outside_the_classes_is_rejected()
    {
        var json = SyntheticInputs.Create();
        json["train"]!["labels"]![5] = 3;

        AssertRejected(json, "train.labels[5]: 3 is outside 0..2 (num_classes 3)");
    }

    [Fact]
    public void Labels_of_a_masked_split_must_index_the_kept_classes()
    {
        var json = SyntheticInputs.Create();
        var test = SyntheticInputs.Test(json);
        test["class_mask"] = new JsonArray(true, false, true);
        test["labels"]![0] = 2;

        AssertRejected(json, "tests[id].labels[0]: 2 is outside 0..1: labels index the 2 classes that class_mask keeps");
    }

    [Fact]
    public void A_class_mask_of_the_wrong_length_is_rejected()
    {
        var json = SyntheticInputs.Create();
        SyntheticInputs.Test(json)["class_mask"] = new JsonArray(true, true);

        AssertRejected(json, "tests[id].class_mask: expected 3 flags (num_classes), found 2");
    }

    [Fact]
    public void Train_and_val_may_not_carry_a_class_mask()
    {
        var json = SyntheticInputs.Create();
        json["val"]!["class_mask"] = new JsonArray(true, true, true);

        AssertRejected(json, "val.class_mask: only test splits may carry a class mask");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_non_finite_literal_is_reported_as_such_with_its_line(string literal)
    {
        var json = SyntheticInputs.Create().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var at = json.IndexOf("\"logits_ft\"", StringComparison.Ordinal);
        var number = json.IndexOfAny("-0123456789".ToCharArray(), at);
        var end = json.IndexOfAny([',', '\n'], number);
        var broken = json[..number] + literal + json[end..];

        var error = Assert.Throws<CachedInputsException>(() => CachedInputsReader.Parse(broken, "inputs.json"));

        Assert.Matches($"^inputs.json: non-finite number {literal} at line [0-9]+, byte [0-9]+: every value must be a finite number$", error.Message);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void A_non_finite_number_written_as_a_string_names_its_row_and_column(string value)
    {
        var json = SyntheticInputs.Create();
        SyntheticInputs.Test(json)["logits_ft"]![4]![1] = value;

        AssertRejected(json, $"tests[id].logits_ft[4][1]: {value} is not a finite number");
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_rejected()
    {
        var json = SyntheticInputs.Create().ToJsonString().Replace("\"a\":1", "\"a\":1e999", StringComparison.Ordinal);

        var error = Assert.Throws<CachedInputsException>(() => CachedInputsReader.Parse(json));

        Assert.Equal("inputs: params.a: 1e999 is not a finite double", error.Message);
    }

    [Fact]
    public void An_unknown_K_rule_lists_the_known_ones()
    {
        var json = SyntheticInputs.Create();
        json["params"]!["k_rule"] = "median";

        AssertRejected(json, "params.k_rule: unknown K rule \"median\"; expected \"code\", \"paper\" or \"explicit\"");
    }

    [Fact]
    public void The_explicit_K_rule_needs_a_K()
    {
        var json = SyntheticInputs.Create();
        json["params"]!["k_rule"] = "explicit";

        AssertRejected(json, "missing field params.k");
    }

    [Fact]
    public void An_empty_split_is_rejected()
    {
        var json = SyntheticInputs.Create(testRows: 0);

        AssertRejected(json, "tests[id]: the split is empty");
    }

    [Fact]
    public void At_least_one_test_split_is_needed()
    {
        var json = SyntheticInputs.Create();
        json["tests"] = new JsonArray();

        AssertRejected(json, "tests: at least one test split is needed");
    }

    [Fact]
    public void Test_split_names_must_be_unique()
    {
        var json = SyntheticInputs.Create();
        json["tests"]!.AsArray().Add(SyntheticInputs.Test(json).DeepClone());

        AssertRejected(json, "tests[1].name: test split names must be non-empty and unique, found \"id\"");
    }

    [Fact]
    public void A_zero_feature_row_is_rejected_because_it_has_no_direction()
    {
        var json = SyntheticInputs.Create();
        json["train"]!["feats_ft"]![7] = new JsonArray(0, 0, 0, 0);

        AssertRejected(json, "train.feats_ft[7]: the zero vector has no direction and cannot be L2-normalised");
    }

    [Fact]
    public void A_non_positive_b_is_rejected()
    {
        var json = SyntheticInputs.Create();
        json["params"]!["b"] = 0;

        AssertRejected(json, "params.b: must be positive, found 0");
    }

    [Fact]
    public void Another_schema_is_rejected()
    {
        var json = SyntheticInputs.Create();
        json["schema"] = "vrf-fixture-expected/1";

        AssertRejected(json, "schema: expected \"vrf-fixture-inputs/1\", found \"vrf-fixture-expected/1\"");
    }

    [Fact]
    public void Text_that_is_not_JSON_is_reported_with_its_position()
    {
        var error = Assert.Throws<CachedInputsException>(() => CachedInputsReader.Parse("{\"num_classes\": 3,,}", "bad.json"));

        Assert.StartsWith("bad.json: not valid JSON at line 1, byte ", error.Message);
    }

    [Fact]
    public void A_file_that_starts_with_a_byte_order_mark_is_read()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(SyntheticInputs.Create().ToJsonString());

        byte[] withMark = [.. System.Text.Encoding.UTF8.Preamble, .. json];

        var inputs = CachedInputsReader.Parse(withMark);

        Assert.Equal("synthetic", inputs.Case);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_reported_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json");

        var error = Assert.Throws<CachedInputsException>(() => CachedInputsReader.ReadFile(path));

        Assert.StartsWith($"cannot read {path}: ", error.Message);
    }

    private static void AssertRejected(JsonObject json, string message)
    {
        var error = Assert.Throws<CachedInputsException>(() => CachedInputsReader.Parse(json.ToJsonString()));
        Assert.Equal($"inputs: {message}", error.Message);
    }
}
