using System.Globalization;
using System.Text.Json;

namespace Vrf.Testing;

/// <summary>
/// Judges an implementation's output JSON against a VRF fixture's <c>expected.json</c> by the README's rules: required
/// fields must be there, optional ones are compared when present (or required too, with <c>requireEveryField</c>),
/// tests are matched by name, and each field gets its §4 tolerance. Near-tie allowances come from the expected
/// probabilities and from the expected file's <c>meta</c> counts; without them the comparison is exact.
/// Returns one line per difference, naming the field path; none means the output passes.
/// </summary>
public sealed class VrfFixtureComparison
{
    private static readonly string[] RequiredTop = ["zsf_indices", "K_code", "K_paper", "K", "T_zs", "T_ft", "ose_alpha", "vrf_a", "vrf_b", "tests"];
    private static readonly string[] RequiredTest = ["d", "weights", "vrf_probs", "vrf_pred", "vrf_acc", "ose_acc", "ose_acc_at_alpha", "vrf_tuned_acc", "lse_pred"];

    private readonly JsonElement _expected;
    private readonly JsonElement _actual;
    private readonly bool _requireEveryField;
    private readonly List<string> _differences = [];

    private VrfFixtureComparison(JsonElement expected, JsonElement actual, bool requireEveryField)
    {
        _expected = expected;
        _actual = actual;
        _requireEveryField = requireEveryField;
    }

    public static IReadOnlyList<string> Compare(JsonElement expected, JsonElement actual, bool requireEveryField = false)
    {
        var comparison = new VrfFixtureComparison(expected, actual, requireEveryField);
        comparison.CompareTop();
        return comparison._differences;
    }

    public static IReadOnlyList<string> CompareFiles(string expectedPath, string actualPath, bool requireEveryField = false)
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        using var actual = JsonDocument.Parse(File.ReadAllBytes(actualPath));
        return Compare(expected.RootElement, actual.RootElement, requireEveryField);
    }

    private void CompareTop()
    {
        foreach (var name in _expected.EnumerateObject().Select(p => p.Name).Where(n => n is not ("meta" or "schema" or "case")))
        {
            if (!_actual.TryGetProperty(name, out _) && (_requireEveryField || RequiredTop.Contains(name)))
            {
                _differences.Add($"{name}: missing");
            }
        }
        foreach (var name in new[] { "zsf_indices", "zsf_size", "K_code", "K_paper", "K", "calibration_steps_zs", "calibration_steps_ft" })
        {
            Both(name, (e, a) => Exact(name, e, a));
        }
        foreach (var name in new[] { "T_zs", "T_ft" })
        {
            Both(name, (e, a) => Numbers(name, e, a, VrfTolerance.Temperature));
        }
        foreach (var name in new[] { "calibration_trace_zs", "calibration_trace_ft" })
        {
            Both(name, (e, a) => Numbers(name, e, a, VrfTolerance.Trace));
        }
        Both("val_d", (e, a) => Numbers("val_d", e, a, VrfTolerance.Value));
        foreach (var name in new[] { "ose_alpha_grid", "vrf_a_grid", "vrf_b_grid" })
        {
            Both(name, (e, a) => Numbers(name, e, a, VrfTolerance.Grid));
        }
        var validationRows = ValidationRows();
        foreach (var name in new[] { "val_acc_zs", "val_acc_ft" })
        {
            Both(name, (e, a) => Numbers(name, e, a, (x, y) => VrfTolerance.Accuracy(x, y, 0, 1)));
        }
        var oseTies = MetaInts("ose_val_near_tie_rows");
        Both("ose_val_acc", (e, a) => Numbers("ose_val_acc", e, a,
            (x, y, i) => VrfTolerance.Accuracy(x, y, oseTies.ElementAtOrDefault(i), validationRows)));
        var vrfTies = MetaInt("vrf_val_near_tie_rows_max");
        Both("vrf_val_acc", (e, a) => Numbers("vrf_val_acc", e, a, (x, y) => VrfTolerance.Accuracy(x, y, vrfTies, validationRows)));

        var alphaIndex = ChosenAlphaIndex(oseTies, validationRows);
        var sameAb = ChosenAbMatches(vrfTies, validationRows);
        if (_expected.TryGetProperty("tests", out var expectedTests) && _actual.TryGetProperty("tests", out var actualTests))
        {
            foreach (var expectedTest in expectedTests.EnumerateArray())
            {
                var name = expectedTest.GetProperty("name").GetString()!;
                var actualTest = actualTests.EnumerateArray()
                    .FirstOrDefault(t => t.TryGetProperty("name", out var n) && n.GetString() == name);
                if (actualTest.ValueKind != JsonValueKind.Object)
                {
                    _differences.Add($"tests[{name}]: missing");
                    continue;
                }
                CompareTest($"tests[{name}]", name, expectedTest, actualTest, alphaIndex, sameAb);
            }
        }
    }

    private void CompareTest(string path, string name, JsonElement expected, JsonElement actual, int? alphaIndex, bool sameAb)
    {
        foreach (var field in expected.EnumerateObject().Select(p => p.Name))
        {
            if (!actual.TryGetProperty(field, out _) && (_requireEveryField || RequiredTest.Contains(field)))
            {
                _differences.Add($"{path}.{field}: missing");
            }
        }
        var rows = expected.GetProperty("d").GetArrayLength();
        int Ties(string kind) => MetaTestTies(name, kind).Count;

        Both(expected, actual, "n", (e, a) => Exact($"{path}.n", e, a));
        foreach (var field in new[] { "d", "weights", "vrf_probs" })
        {
            Both(expected, actual, field, (e, a) => Numbers($"{path}.{field}", e, a, VrfTolerance.Value));
        }
        Both(expected, actual, "vrf_pred", (e, a) => Predictions($"{path}.vrf_pred", e, a,
            row => VrfNearTie(expected, row, a[row].GetInt32())));
        var lseTies = MetaTestTies(name, "lse");
        Both(expected, actual, "lse_pred", (e, a) => Predictions($"{path}.lse_pred", e, a, lseTies.Contains));

        void Acc(string field, string kind) => Both(expected, actual, field,
            (e, a) => Numbers($"{path}.{field}", e, a, (x, y) => VrfTolerance.Accuracy(x, y, Ties(kind), rows)));
        Acc("vrf_acc", "vrf");
        Acc("lse_acc", "lse");
        Acc("zs_acc", "zs");
        Acc("ft_acc", "ft");
        Acc("ose_acc", "ose_any_alpha");
        if (alphaIndex is { } index && actual.TryGetProperty("ose_acc_at_alpha", out var atAlpha))
        {
            var reference = expected.GetProperty("ose_acc")[index].GetDouble();
            if (!VrfTolerance.Accuracy(reference, atAlpha.GetDouble(), Ties("ose_any_alpha"), rows))
            {
                _differences.Add($"{path}.ose_acc_at_alpha: expected {Show(reference)}, got {Show(atAlpha.GetDouble())}");
            }
        }
        if (sameAb)
        {
            Acc("vrf_tuned_acc", "tuned");
        }
    }

    private bool VrfNearTie(JsonElement expectedTest, int row, int actualClass)
    {
        var probabilities = expectedTest.GetProperty("vrf_probs")[row];
        var expectedClass = expectedTest.GetProperty("vrf_pred")[row].GetInt32();
        return actualClass >= 0 && actualClass < probabilities.GetArrayLength()
            && Math.Abs(probabilities[expectedClass].GetDouble() - probabilities[actualClass].GetDouble()) < VrfTolerance.NearTieGap;
    }

    private int? ChosenAlphaIndex(IReadOnlyList<int> ties, int validationRows)
    {
        if (!TryBoth("ose_alpha", out var expected, out var actual))
        {
            return null;
        }
        if (VrfTolerance.GridPoint(expected.GetDouble(), actual.GetDouble()))
        {
            return GridIndex("ose_alpha_grid", expected.GetDouble());
        }
        var chosen = GridIndex("ose_alpha_grid", actual.GetDouble());
        var best = GridIndex("ose_alpha_grid", expected.GetDouble());
        if (chosen is { } c && best is { } b && _expected.TryGetProperty("ose_val_acc", out var accuracies)
            && Math.Abs(accuracies[c].GetDouble() - accuracies[b].GetDouble()) <= (double)(ties.ElementAtOrDefault(c) + ties.ElementAtOrDefault(b)) / validationRows)
        {
            return c;
        }
        _differences.Add($"ose_alpha: expected {Show(expected.GetDouble())}, got {Show(actual.GetDouble())}");
        return null;
    }

    private bool ChosenAbMatches(int ties, int validationRows)
    {
        if (!TryBoth("vrf_a", out var expectedA, out var actualA) || !TryBoth("vrf_b", out var expectedB, out var actualB))
        {
            return false;
        }
        if (VrfTolerance.GridPoint(expectedA.GetDouble(), actualA.GetDouble()) && VrfTolerance.GridPoint(expectedB.GetDouble(), actualB.GetDouble()))
        {
            return true;
        }
        var chosen = (GridIndex("vrf_a_grid", actualA.GetDouble()), GridIndex("vrf_b_grid", actualB.GetDouble()));
        var best = (GridIndex("vrf_a_grid", expectedA.GetDouble()), GridIndex("vrf_b_grid", expectedB.GetDouble()));
        if (chosen is ({ } ca, { } cb) && best is ({ } ba, { } bb) && _expected.TryGetProperty("vrf_val_acc", out var accuracies)
            && Math.Abs(accuracies[ca][cb].GetDouble() - accuracies[ba][bb].GetDouble()) <= 2.0 * ties / validationRows)
        {
            return false;
        }
        _differences.Add($"(vrf_a, vrf_b): expected ({Show(expectedA.GetDouble())}, {Show(expectedB.GetDouble())}), " +
                         $"got ({Show(actualA.GetDouble())}, {Show(actualB.GetDouble())})");
        return false;
    }

    private int? GridIndex(string grid, double value)
    {
        if (!_expected.TryGetProperty(grid, out var values))
        {
            return null;
        }
        var index = values.EnumerateArray().Select(v => v.GetDouble()).ToList().FindIndex(v => VrfTolerance.GridPoint(v, value));
        return index < 0 ? null : index;
    }

    private int ValidationRows() =>
        _expected.TryGetProperty("val_d", out var distances) ? distances.GetArrayLength() : 1;

    private JsonElement Meta(string name) =>
        _expected.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(name, out var value)
            ? value
            : default;

    private int MetaInt(string name) => Meta(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : 0;

    private List<int> MetaInts(string name) =>
        Meta(name) is { ValueKind: JsonValueKind.Array } values ? [.. values.EnumerateArray().Select(v => v.GetInt32())] : [];

    private HashSet<int> MetaTestTies(string test, string kind) =>
        Meta("test_near_tie_rows") is { ValueKind: JsonValueKind.Object } all && all.TryGetProperty(test, out var split)
            && split.TryGetProperty(kind, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? [.. rows.EnumerateArray().Select(r => r.GetInt32())]
            : [];

    private bool TryBoth(string name, out JsonElement expected, out JsonElement actual)
    {
        actual = default;
        return _expected.TryGetProperty(name, out expected) && _actual.TryGetProperty(name, out actual);
    }

    private void Both(string name, Action<JsonElement, JsonElement> compare) => Both(_expected, _actual, name, compare);

    private static void Both(JsonElement expected, JsonElement actual, string name, Action<JsonElement, JsonElement> compare)
    {
        if (expected.TryGetProperty(name, out var e) && actual.TryGetProperty(name, out var a))
        {
            compare(e, a);
        }
    }

    private void Exact(string path, JsonElement expected, JsonElement actual)
    {
        if (expected.ValueKind == JsonValueKind.Array)
        {
            if (!SameLength(path, expected, actual))
            {
                return;
            }
            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                Exact($"{path}[{i}]", expected[i], actual[i]);
            }
        }
        else if (actual.ValueKind != JsonValueKind.Number || !actual.TryGetInt64(out var value) || value != expected.GetInt64())
        {
            _differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
        }
    }

    private void Numbers(string path, JsonElement expected, JsonElement actual, Func<double, double, bool> close) =>
        Numbers(path, expected, actual, (e, a, _) => close(e, a));

    /// <summary>Compares numbers or nested arrays of numbers; the last argument of <paramref name="close"/> is the outermost index.</summary>
    private void Numbers(string path, JsonElement expected, JsonElement actual, Func<double, double, int, bool> close, int outer = -1)
    {
        if (expected.ValueKind == JsonValueKind.Array)
        {
            if (!SameLength(path, expected, actual))
            {
                return;
            }
            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                Numbers($"{path}[{i}]", expected[i], actual[i], close, outer < 0 ? i : outer);
            }
            return;
        }
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            if (expected.ValueKind != actual.ValueKind)
            {
                _differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
            }
            return;
        }
        if (actual.ValueKind != JsonValueKind.Number || !close(expected.GetDouble(), actual.GetDouble(), outer))
        {
            _differences.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
        }
    }

    private void Predictions(string path, JsonElement expected, JsonElement actual, Func<int, bool> nearTie)
    {
        if (!SameLength(path, expected, actual))
        {
            return;
        }
        for (var row = 0; row < expected.GetArrayLength(); row++)
        {
            if (actual[row].ValueKind != JsonValueKind.Number || !actual[row].TryGetInt32(out var predicted))
            {
                _differences.Add($"{path}[{row}]: expected {expected[row].GetRawText()}, got {actual[row].GetRawText()}");
            }
            else if (predicted != expected[row].GetInt32() && !nearTie(row))
            {
                _differences.Add($"{path}[{row}]: expected {expected[row].GetInt32()}, got {predicted} (not a near tie)");
            }
        }
    }

    private bool SameLength(string path, JsonElement expected, JsonElement actual)
    {
        if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
        {
            _differences.Add($"{path}: expected an array of {expected.GetArrayLength()}, got " +
                             (actual.ValueKind == JsonValueKind.Array ? $"{actual.GetArrayLength()} items" : actual.ValueKind.ToString()));
            return false;
        }
        return true;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
