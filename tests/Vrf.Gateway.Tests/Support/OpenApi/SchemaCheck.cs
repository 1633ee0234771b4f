using System.Globalization;
using System.Text.Json;

namespace Vrf.Gateway.Tests.Support.OpenApi;

/// <summary>
/// Checks a JSON value against a schema of the gateway's OpenAPI 3.1 document, for the subset of JSON Schema the
/// document uses: <c>$ref</c> into <c>components/schemas</c>, <c>type</c> (a name or a list such as
/// <c>["null", "number"]</c>), <c>enum</c>, <c>oneOf</c>, <c>properties</c> with <c>required</c>, <c>items</c>, and the
/// <c>uuid</c> and <c>date-time</c> formats.
/// </summary>
public sealed class SchemaCheck(JsonElement document)
{
    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path; none when it fits.</summary>
    public IReadOnlyList<string> Problems(JsonElement value, JsonElement schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), path, problems);
        }
        if (schema.TryGetProperty("oneOf", out var choices))
        {
            var fitting = choices.EnumerateArray().Count(choice => Problems(value, choice).Count == 0);
            if (fitting != 1)
            {
                problems.Add($"{path}: fits {fitting} of the oneOf choices, not exactly one ({value.GetRawText()})");
            }
        }
        if (schema.TryGetProperty("type", out var type) && !Types(type).Any(name => IsOfType(value, name)))
        {
            problems.Add($"{path}: {value.ValueKind} {Shorten(value)} is not of type {type.GetRawText()}");
            return;
        }
        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(choice => JsonElement.DeepEquals(choice, value)))
        {
            problems.Add($"{path}: {Shorten(value)} is not one of {allowed.GetRawText()}");
        }
        if (schema.TryGetProperty("format", out var format) && value.ValueKind == JsonValueKind.String && !HasFormat(value.GetString()!, format.GetString()))
        {
            problems.Add($"{path}: '{Shorten(value)}' is not a {format.GetString()}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, path, problems);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{path}[{index++}]", problems);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string path, List<string> problems)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(name => name.GetString()!).Where(name => !value.TryGetProperty(name, out _)))
            {
                problems.Add($"{path}: lacks the required property '{name}'");
            }
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (value.TryGetProperty(property.Name, out var member))
                {
                    Check(member, property.Value, $"{path}.{property.Name}", problems);
                }
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only references into components/schemas are followed, not '{reference}'.");
        }
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[Prefix.Length..]);
    }

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(name => name.GetString()!) : [type.GetString()!];

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => throw new NotSupportedException($"Schema type '{type}' is not checked."),
    };

    private static bool HasFormat(string text, string? format) => format switch
    {
        "uuid" => Guid.TryParse(text, out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        _ => true,
    };

    private static string Shorten(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text.Length <= 80 ? text : $"{text[..80]}…";
    }
}
