using System.Text.Json;
using Vrf.Method.Evaluation;
using Vrf.Testing;

namespace Vrf.Method.Tests.Fixture;

/// <summary>The visible reference case: its inputs, read by the library, and its expected outputs as JSON.</summary>
public sealed class VisibleCase : IDisposable
{
    private readonly JsonDocument _expected;

    public VisibleCase()
    {
        Inputs = CachedInputsReader.ReadFile(RepositoryPaths.Fixture("vrf", "case-visible-1", "inputs.json"));
        _expected = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("vrf", "case-visible-1", "expected.json")));
        Result = CachedEvaluation.Run(Inputs);
    }

    public CachedInputs Inputs { get; }

    public JsonElement Expected => _expected.RootElement;

    /// <summary>The whole evaluation, run once for every test of the class.</summary>
    public CachedEvaluationResult Result { get; }

    public double[] ExpectedNumbers(string name) => Numbers(Expected.GetProperty(name));

    public JsonElement ExpectedTest(string name) =>
        Expected.GetProperty("tests").EnumerateArray().Single(test => test.GetProperty("name").GetString() == name);

    /// <summary>The expected file's count of near-tie rows for one kind of score on one test split (0 when it gives none).</summary>
    public int NearTieRows(string test, string kind) =>
        Expected.GetProperty("meta").TryGetProperty("test_near_tie_rows", out var all) && all.TryGetProperty(test, out var split)
            && split.TryGetProperty(kind, out var rows)
            ? rows.GetArrayLength()
            : 0;

    public LabelledSplit Test(string name) => Inputs.Tests.Single(test => test.Name == name);

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetDouble())];

    public static int[] Integers(JsonElement array) => [.. array.EnumerateArray().Select(value => value.GetInt32())];

    public void Dispose() => _expected.Dispose();
}
