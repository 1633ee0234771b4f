using System.Text.Json;

namespace Vrf.Method.Evaluation;

/// <summary>
/// Writes a <see cref="CachedEvaluationResult"/> in the <c>expected.json</c> schema (<c>vrf-fixture-expected/1</c>):
/// the same field names and shapes, every optional field included, plus an informational <c>meta</c> object.
/// A distance of +∞ (empty failure set) is written as <c>null</c>, since JSON has no infinity; its weight is 0.
/// </summary>
public static class CachedEvaluationJson
{
    public const string Schema = "vrf-fixture-expected/1";

    public static void Write(CachedEvaluationResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("case", result.Case);
        WriteFailureSet(json, result);
        WriteCalibration(json, "zs", result.ZeroShotTemperature);
        WriteCalibration(json, "ft", result.FineTunedTemperature);
        WriteNumbers(json, "val_d", result.ValidationDistances);
        WriteSearches(json, result);
        json.WriteStartArray("tests");
        foreach (var test in result.Tests)
        {
            WriteTest(json, test);
        }
        json.WriteEndArray();
        WriteMeta(json, result);
        json.WriteEndObject();
    }

    public static string ToJson(CachedEvaluationResult result)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteFailureSet(Utf8JsonWriter json, CachedEvaluationResult result)
    {
        json.WriteStartArray("zsf_indices");
        foreach (var index in result.Failures.Indices)
        {
            json.WriteNumberValue(index);
        }
        json.WriteEndArray();
        json.WriteNumber("zsf_size", result.Failures.Count);
        json.WriteNumber("K_code", result.NeighbourRank.CodeRule);
        json.WriteNumber("K_paper", result.NeighbourRank.PaperRule);
        json.WriteNumber("K", result.NeighbourRank.K);
        json.WriteNumber("val_acc_zs", result.ZeroShotTemperature.TargetAccuracy);
        json.WriteNumber("val_acc_ft", result.FineTunedTemperature.TargetAccuracy);
        json.WriteNumber("T_zs", result.ZeroShotTemperature.Temperature);
        json.WriteNumber("T_ft", result.FineTunedTemperature.Temperature);
    }

    private static void WriteCalibration(Utf8JsonWriter json, string model, CalibratedTemperature calibration)
    {
        json.WriteNumber($"calibration_steps_{model}", calibration.Steps);
        json.WriteStartArray($"calibration_trace_{model}");
        foreach (var step in calibration.Trace)
        {
            WriteNumberArray(json, step.ToRow());
        }
        json.WriteEndArray();
    }

    private static void WriteSearches(Utf8JsonWriter json, CachedEvaluationResult result)
    {
        WriteNumbers(json, "ose_alpha_grid", result.OseSearch.Grid);
        WriteNumbers(json, "ose_val_acc", result.OseSearch.Accuracies);
        json.WriteNumber("ose_alpha", result.OseSearch.Alpha);
        WriteNumbers(json, "vrf_a_grid", result.VrfSearch.AGrid);
        WriteNumbers(json, "vrf_b_grid", result.VrfSearch.BGrid);
        json.WriteStartArray("vrf_val_acc");
        foreach (var row in result.VrfSearch.Accuracies)
        {
            WriteNumberArray(json, row);
        }
        json.WriteEndArray();
        json.WriteNumber("vrf_a", result.VrfSearch.Best.A);
        json.WriteNumber("vrf_b", result.VrfSearch.Best.B);
    }

    private static void WriteTest(Utf8JsonWriter json, TestSplitResult test)
    {
        json.WriteStartObject();
        json.WriteString("name", test.Name);
        json.WriteNumber("n", test.Rows);
        WriteNumbers(json, "d", test.Distances);
        WriteNumbers(json, "weights", test.Weights);
        json.WriteStartArray("vrf_probs");
        for (var i = 0; i < test.VrfProbabilities.Rows; i++)
        {
            WriteNumberArray(json, test.VrfProbabilities.Row(i).ToArray());
        }
        json.WriteEndArray();
        WriteIntegers(json, "vrf_pred", test.VrfPredictions);
        json.WriteNumber("vrf_acc", test.VrfAccuracy);
        json.WriteNumber("zs_acc", test.ZeroShotAccuracy);
        json.WriteNumber("ft_acc", test.FineTunedAccuracy);
        WriteNumbers(json, "ose_acc", test.OseAccuracies);
        json.WriteNumber("ose_acc_at_alpha", test.OseAccuracyAtAlpha);
        json.WriteNumber("vrf_tuned_acc", test.VrfTunedAccuracy);
        WriteIntegers(json, "lse_pred", test.LsePredictions);
        json.WriteNumber("lse_acc", test.LseAccuracy);
        json.WriteEndObject();
    }

    private static void WriteMeta(Utf8JsonWriter json, CachedEvaluationResult result)
    {
        json.WriteStartObject("meta");
        json.WriteString("note", "informational only; never compared");
        json.WriteString("implementation", "Vrf.Method: double precision; exact K-th-neighbour search in float64 TorchSharp tensors");
        json.WriteString("k_rule", result.NeighbourRank.Rule.ToString().ToLowerInvariant());
        if (result.NeighbourRank.Requested is { } requested)
        {
            json.WriteNumber("k_requested", requested);
        }
        json.WriteNumber("a", result.Parameters.Weight.A);
        json.WriteNumber("b", result.Parameters.Weight.B);
        json.WriteString("null_distance", "d is null when the failure set is empty: +infinity, no failure to be near, so ω = 0");
        json.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            json.WriteStringValue(warning);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WritePropertyName(name);
        WriteNumberArray(json, values);
    }

    private static void WriteNumberArray(Utf8JsonWriter json, IReadOnlyList<double> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteNullValue();
            }
        }
        json.WriteEndArray();
    }

    private static void WriteIntegers(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
    }
}
