using System.Text.Json.Nodes;

namespace Vrf.Method.Tests.Evaluation;

/// <summary>
/// A small valid <c>inputs.json</c> made from a seeded random generator (C = 3, D = 4): train, val and one test
/// split "id". Tests change one thing and read it back.
/// </summary>
public static class SyntheticInputs
{
    public const int Classes = 3;
    public const int Dimension = 4;

    public static JsonObject Create(int seed = 7, int trainRows = 40, int validationRows = 20, int testRows = 15)
    {
        var random = new Random(seed);
        return new JsonObject
        {
            ["schema"] = "vrf-fixture-inputs/1",
            ["case"] = "synthetic",
            ["num_classes"] = Classes,
            ["feature_dim"] = Dimension,
            ["params"] = new JsonObject
            {
                ["a"] = 1.0,
                ["b"] = 0.3,
                ["k_rule"] = "code",
                ["ose_alpha_grid"] = new JsonArray(0.0, 0.5, 1.0),
                ["vrf_a_grid"] = new JsonArray(0.5, 1.0),
                ["vrf_b_grid"] = new JsonArray(0.2, 0.4),
            },
            ["train"] = Split(random, trainRows),
            ["val"] = Split(random, validationRows),
            ["tests"] = new JsonArray(Split(random, testRows, "id")),
        };
    }

    public static JsonObject Split(Random random, int rows, string? name = null)
    {
        var split = new JsonObject();
        if (name is not null)
        {
            split["name"] = name;
        }
        split["feats_ft"] = Rows(random, rows, Dimension);
        split["logits_zs"] = Rows(random, rows, Classes);
        split["logits_ft"] = Rows(random, rows, Classes);
        split["labels"] = new JsonArray([.. Enumerable.Range(0, rows).Select(_ => (JsonNode)random.Next(Classes))]);
        return split;
    }

    public static JsonObject Test(JsonObject inputs) => inputs["tests"]![0]!.AsObject();

    private static JsonArray Rows(Random random, int rows, int columns) =>
        new([.. Enumerable.Range(0, rows).Select(_ =>
            (JsonNode)new JsonArray([.. Enumerable.Range(0, columns).Select(_ => (JsonNode)Math.Round(random.NextDouble() * 4 - 2, 6))]))]);
}
