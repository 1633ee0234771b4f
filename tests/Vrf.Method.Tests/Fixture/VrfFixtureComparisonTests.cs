using System.Text.Json;
using System.Text.Json.Nodes;
using Vrf.Method.Evaluation;
using Vrf.Testing;

namespace Vrf.Method.Tests.Fixture;

/// <summary>The fixture comparer passes the expected file itself and catches what the README's tolerances forbid.</summary>
public sealed class VrfFixtureComparisonTests(VisibleCase visible) : IClassFixture<VisibleCase>
{
    [Fact]
    public void The_expected_file_matches_itself()
    {
        Assert.Empty(VrfFixtureComparison.Compare(visible.Expected, visible.Expected, requireEveryField: true));
    }

    [Fact]
    public void A_temperature_off_by_more_than_the_relative_tolerance_is_reported()
    {
        var actual = Output();
        actual["T_ft"] = actual["T_ft"]!.GetValue<double>() * (1 + 3e-5);

        Assert.Equal(["T_ft: expected " + visible.Expected.GetProperty("T_ft").GetRawText() + ", got " + actual["T_ft"]!.ToJsonString()], Compare(actual));
    }

    [Fact]
    public void A_distance_within_tolerance_passes_and_one_beyond_it_is_reported()
    {
        var actual = Output();
        var d = actual["tests"]![1]!["d"]!.AsArray();
        d[0] = d[0]!.GetValue<double>() + 5e-7;
        d[1] = d[1]!.GetValue<double>() + 1e-4;

        var differences = Compare(actual);

        Assert.Equal("tests[shift].d[1]", Assert.Single(differences).Split(':')[0]);
    }

    [Fact]
    public void A_changed_prediction_that_is_not_a_near_tie_is_reported()
    {
        var actual = Output();
        var predictions = actual["tests"]![0]!["vrf_pred"]!.AsArray();
        predictions[10] = (predictions[10]!.GetValue<int>() + 1) % 5;

        Assert.Contains(Compare(actual), difference => difference.StartsWith("tests[id].vrf_pred[10]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_field_and_a_missing_test_split_are_reported()
    {
        var actual = Output();
        actual.Remove("K");
        actual["tests"]!.AsArray().RemoveAt(1);

        var differences = Compare(actual);

        Assert.Contains("K: missing", differences);
        Assert.Contains("tests[shift]: missing", differences);
    }

    [Fact]
    public void Another_alpha_is_reported_when_its_validation_accuracy_is_not_the_best()
    {
        var actual = Output();
        actual["ose_alpha"] = 0.0;

        Assert.Contains(Compare(actual), difference => difference.StartsWith("ose_alpha: expected", StringComparison.Ordinal));
    }

    [Fact]
    public void An_accuracy_off_by_one_row_is_reported()
    {
        var actual = Output();
        var test = actual["tests"]![1]!;
        test["vrf_acc"] = test["vrf_acc"]!.GetValue<double>() + 1.0 / 300;

        Assert.Contains(Compare(actual), difference => difference.StartsWith("tests[shift].vrf_acc", StringComparison.Ordinal));
    }

    private JsonObject Output() => JsonNode.Parse(CachedEvaluationJson.ToJson(visible.Result))!.AsObject();

    private IReadOnlyList<string> Compare(JsonObject actual)
    {
        using var document = JsonDocument.Parse(actual.ToJsonString());
        return VrfFixtureComparison.Compare(visible.Expected, document.RootElement, requireEveryField: true);
    }
}
