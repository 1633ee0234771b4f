using System.Text.Json;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Preprocessing;

/// <summary>The clip-tiny fixture's expected.json: named tensors (shape + row-major data), prompts and image order.</summary>
public static class ExpectedOutputs
{
    private static readonly Lazy<JsonDocument> Document =
        new(() => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture("clip-tiny", "expected.json"))));

    private static JsonElement Root => Document.Value.RootElement;

    public static IReadOnlyList<string> Prompts => Strings(Root.GetProperty("prompts"));

    public static IReadOnlyList<string> ZeroShotPrompts => Strings(Root.GetProperty("zeroshot").GetProperty("prompts"));

    /// <summary>The image files in batch order.</summary>
    public static IReadOnlyList<string> ImageFiles =>
        Root.GetProperty("images").EnumerateArray().Select(image => image.GetProperty("file").GetString()!).ToArray();

    public static int[] Shape(string tensor) =>
        Tensor(tensor).GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();

    public static long[] Int64Data(string tensor) =>
        Tensor(tensor).GetProperty("data").EnumerateArray().Select(v => v.GetInt64()).ToArray();

    public static double[] DoubleData(string tensor) =>
        Tensor(tensor).GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>One row (index along the first dimension) of a tensor's data.</summary>
    public static ArraySegment<T> Row<T>(T[] data, int[] shape, int row)
    {
        var rowLength = data.Length / shape[0];
        return new ArraySegment<T>(data, row * rowLength, rowLength);
    }

    private static JsonElement Tensor(string name) => Root.GetProperty("tensors").GetProperty(name);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(s => s.GetString()!).ToArray();
}
