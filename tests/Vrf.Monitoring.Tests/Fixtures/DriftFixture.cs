using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Monitoring.Tests.Fixtures;

/// <summary>
/// The SciPy-computed cases under tests/fixtures/drift (made by its make_fixtures.py): each file's cases as JSON,
/// +∞ written as the string "Infinity".
/// </summary>
public static class DriftFixture
{
    public static IReadOnlyList<JsonElement> Cases(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryPaths.Fixture("drift", file)));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(element => element.Clone())];
    }

    public static JsonElement Case(string file, string name) =>
        Cases(file).Single(element => element.GetProperty("name").GetString() == name);

    /// <summary>The names of a file's cases, for theories.</summary>
    public static TheoryData<string> Names(string file) => [.. Cases(file).Select(element => element.GetProperty("name").GetString()!)];

    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            var text => throw new FormatException($"Not a number: '{text}'."),
        },
        _ => element.GetDouble(),
    };

    public static double Number(JsonElement element, string property) => Number(element.GetProperty(property));

    public static double[] Numbers(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(Number)];

    public static int[] Integers(JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(value => value.GetInt32())];
}
