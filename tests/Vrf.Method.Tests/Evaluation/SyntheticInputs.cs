using System.Text.Json.Nodes;

namespace Vrf.Method.Tests.Evaluation;

/// <summary>
/// A small valid <c>inputs.json</c> made from a seeded random generator (C = 3, D = 4): train, val and one test
/// split "id". Features lie around one centre per class and both models' logits favour the label, the fine-tuned
/// model more, so that each model is better than chance and the zero-shot one fails now and then.
/// Tests change one thing and read it back.
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
        int[] labels = [.. Enumerable.Range(0, rows).Select(_ => random.Next(Classes))];
        split["feats_ft"] = Rows(random, labels, Dimension, favour: 3);
        split["logits_zs"] = Rows(random, labels, Classes, favour: 1);
        split["logits_ft"] = Rows(random, labels, Classes, favour: 2);
        split["labels"] = new JsonArray([.. labels.Select(label => (JsonNode)label)]);
        return split;
    }

    public static JsonObject Test(JsonObject inputs) => inputs["tests"]![0]!.AsObject();

    /// <summary>One row per label: uniform noise in [−1, 1), plus <paramref name="favour"/> in the label's column.</summary>
    private static JsonArray Rows(Random random, int[] labels, int columns, double favour) =>
        new([.. labels.Select(label => (JsonNode)new JsonArray([.. Enumerable.Range(0, columns).Select(column =>
            (JsonNode)Math.Round(random.NextDouble() * 2 - 1 + (column == label ? favour : 0), 6))]))]);
}
