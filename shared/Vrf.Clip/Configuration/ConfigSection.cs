using System.Text.Json.Nodes;

namespace Vrf.Clip.Configuration;

/// <summary>
/// One JSON object of a <c>config.json</c>, read the way transformers reads it: a missing key or a <c>null</c> value
/// takes the default, unknown keys are ignored, a value of the wrong kind is an error naming the file and the key.
/// </summary>
internal sealed class ConfigSection(JsonObject json, string source, string path)
{
    public static ConfigSection Empty(string source, string path) => new([], source, path);

    public int Int(string key, int fallback) => Read(key, fallback, static (JsonValue v, out int x) => v.TryGetValue(out x));

    public long Long(string key, long fallback) => Read(key, fallback, static (JsonValue v, out long x) => v.TryGetValue(out x));

    public double Double(string key, double fallback) =>
        Read(key, fallback, static (JsonValue v, out double x) => v.TryGetValue(out x));

    public string String(string key, string fallback) =>
        Read(key, fallback, static (JsonValue v, out string x) => v.TryGetValue(out x!));

    /// <summary>The nested object under <paramref name="key"/>, or null when the key is missing or null.</summary>
    public ConfigSection? Section(string key)
    {
        var node = json[key];
        return node switch
        {
            null => null,
            JsonObject nested => new ConfigSection(nested, source, Qualify(key)),
            _ => throw WrongKind(key, "an object", node),
        };
    }

    private delegate bool Parse<T>(JsonValue value, out T result);

    private T Read<T>(string key, T fallback, Parse<T> parse)
    {
        var node = json[key];
        if (node is null)
        {
            return fallback;
        }
        if (node is JsonValue value && parse(value, out var result))
        {
            return result;
        }
        throw WrongKind(key, $"a {typeof(T).Name}", node);
    }

    private InvalidDataException WrongKind(string key, string expected, JsonNode node) =>
        new($"CLIP configuration '{source}': '{Qualify(key)}' should be {expected} but is {node.ToJsonString()}.");

    private string Qualify(string key) => path.Length == 0 ? key : $"{path}.{key}";
}
