using System.Text.Json;

namespace Vrf.Testing;

/// <summary>
/// An oracle file in the <c>expected.json</c> layout: a <c>tensors</c> object of
/// <c>{"shape": [...], "dtype": "float32" | "int64", "data": [row-major]}</c> and a <c>tolerances</c> object of
/// <c>{"atol", "rtol"}</c> per tensor name with a <c>_default</c>. Integer tensors must match exactly.
/// </summary>
public sealed class ExpectedTensors
{
    private const string DefaultToleranceKey = "_default";

    private readonly Dictionary<string, ExpectedTensor> tensors;
    private readonly Dictionary<string, TensorTolerance> tolerances;

    private ExpectedTensors(string path, JsonElement root, Dictionary<string, ExpectedTensor> tensors, Dictionary<string, TensorTolerance> tolerances)
    {
        Path = path;
        Root = root;
        this.tensors = tensors;
        this.tolerances = tolerances;
    }

    public string Path { get; }

    /// <summary>The whole document, for the sections beside the tensors (prompts, class names, ...).</summary>
    public JsonElement Root { get; }

    public IReadOnlyCollection<string> Names => tensors.Keys;

    public ExpectedTensor this[string name] =>
        tensors.TryGetValue(name, out var tensor)
            ? tensor
            : throw new KeyNotFoundException($"'{Path}' has no tensor '{name}'.");

    public static ExpectedTensors Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement.Clone();
        var tensors = new Dictionary<string, ExpectedTensor>(StringComparer.Ordinal);
        foreach (var entry in root.GetProperty("tensors").EnumerateObject())
        {
            var value = entry.Value;
            tensors[entry.Name] = new ExpectedTensor(
                entry.Name,
                value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                value.GetProperty("dtype").GetString()!,
                value.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray());
        }
        var tolerances = new Dictionary<string, TensorTolerance>(StringComparer.Ordinal);
        if (root.TryGetProperty("tolerances", out var toleranceJson))
        {
            foreach (var entry in toleranceJson.EnumerateObject())
            {
                tolerances[entry.Name] = new TensorTolerance(
                    entry.Value.GetProperty("atol").GetDouble(), entry.Value.GetProperty("rtol").GetDouble());
            }
        }
        return new ExpectedTensors(path, root, tensors, tolerances);
    }

    /// <summary>The tolerance the file states for <paramref name="name"/> (its own, else <c>_default</c>); exact for integers.</summary>
    public TensorTolerance ToleranceFor(string name)
    {
        if (this[name].IsInteger)
        {
            return TensorTolerance.Exact;
        }
        return tolerances.TryGetValue(name, out var own) ? own
            : tolerances.TryGetValue(DefaultToleranceKey, out var fallback) ? fallback
            : throw new KeyNotFoundException($"'{Path}' states no tolerance for '{name}' and no {DefaultToleranceKey}.");
    }

    /// <summary>Compares <paramref name="actual"/> (row-major) with the reference tensor <paramref name="name"/>.</summary>
    public TensorComparison Compare(string name, IReadOnlyList<long> actualShape, IReadOnlyList<double> actual) =>
        ToleranceFor(name).Compare(this[name], actualShape, actual);
}
