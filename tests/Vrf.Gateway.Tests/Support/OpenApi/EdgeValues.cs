using System.Text.Json;

namespace Vrf.Gateway.Tests.Support.OpenApi;

/// <summary>The values a generated request tries for a parameter or a JSON property, from its schema's type: the
/// boundaries, the overflows, the wrong types and the malformed.</summary>
public static class EdgeValues
{
    private static readonly string[] Texts =
        ["", " ", "x", "tiny", "TINY", "nope", "..", "%", "a/b", "\u00fcn\u00efcode", "\u0000", "'; DROP TABLE models; --", new('a', 300), new('z', 20_000)];

    /// <summary>Query-string or path values (unescaped) for a schema.</summary>
    public static IReadOnlyList<string> Text(JsonElement schema) => TypeOf(schema) switch
    {
        "integer" => ["", "0", "-1", "1", "2", "3", "5", "100", "101", "1000", "1001", "2147483647", "2147483648", "-2147483649",
            "99999999999999999999", "1.5", "1e3", "0x10", "abc", "\u0663", " 1", "+1"],
        "number" => ["", "0", "-0", "0.5", "1", "1.0000001", "-0.0001", "1e-320", "1e308", "1e309", "NaN", "Infinity", "-Infinity",
            "abc", "0,5", "\u0663"],
        _ => [.. Enum(schema), .. Texts],
    };

    /// <summary>JSON values (as JSON text) for a property's schema.</summary>
    public static IReadOnlyList<string> Json(JsonElement schema) => TypeOf(schema) switch
    {
        "integer" => ["null", "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "1e300", "1.5", "\"1\"", "true", "[]", "{}"],
        "number" => ["null", "0", "-1", "1e-320", "1e308", "-1e308", "1e400", "\"NaN\"", "\"Infinity\"", "\"1\"", "true", "[]"],
        "boolean" => ["null", "true", "false", "1", "\"true\""],
        _ => [.. Enum(schema).Select(value => JsonSerializer.Serialize(value)), .. Texts.Select(text => JsonSerializer.Serialize(text)),
            "\"relative/folder\"", "\"/absolute/folder\"", "1", "true", "[]", "{}", "null"],
    };

    /// <summary>Whole bodies that are not the JSON object an operation expects.</summary>
    public static IReadOnlyList<string> MalformedJson { get; } =
    [
        "", " ", "{", "}", "[]", "null", "0", "\"text\"", "{\"model\": }", "{'model': 'tiny'}", "{\"model\": \"tiny\"", "\u00ef\u00bb\u00bf{}",
        string.Concat(Enumerable.Repeat("[", 5_000)) + string.Concat(Enumerable.Repeat("]", 5_000)),
        string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000),
    ];

    /// <summary>The schema's type, when it has one (the non-null one of a list).</summary>
    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }
        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(name => name.GetString()).FirstOrDefault(name => name != "null")
            : type.GetString();
    }

    private static IEnumerable<string> Enum(JsonElement schema) =>
        schema.TryGetProperty("enum", out var values) ? values.EnumerateArray().Select(value => value.ToString()) : [];
}
