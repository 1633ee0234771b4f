using System.Text.Json;

namespace Vrf.Method.Evaluation;

/// <summary>A JSON value with its path in the document, reading itself with errors that name that path.</summary>
internal readonly record struct Field(JsonElement Element, string Path)
{
    public Field Required(string name) =>
        Optional(name) ?? throw new CachedInputsException($"missing field {Child(name)}");

    /// <summary>The member <paramref name="name"/>, or null when it is absent or JSON null.</summary>
    public Field? Optional(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new Field(value, Child(name))
            : null;
    }

    public void RequireKind(JsonValueKind kind, string description)
    {
        if (Element.ValueKind != kind)
        {
            throw Error($"expected {description}, found {Describe(Element)}");
        }
    }

    public IEnumerable<Field> Items()
    {
        RequireKind(JsonValueKind.Array, "an array");
        var path = Path;
        return Element.EnumerateArray().Select((item, i) => new Field(item, $"{path}[{i}]"));
    }

    public string String()
    {
        RequireKind(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    public bool Bool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe(Element)}"),
    };

    public int Int(int minimum = int.MinValue)
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out var value))
        {
            throw Error($"expected an integer, found {Describe(Element)}");
        }
        if (value < minimum)
        {
            throw Error($"must be at least {minimum}, found {value}");
        }
        return value;
    }

    public double Double()
    {
        if (Element.ValueKind == JsonValueKind.String && Element.GetString() is "NaN" or "Infinity" or "-Infinity")
        {
            throw Error($"{Element.GetString()} is not a finite number");
        }
        if (Element.ValueKind != JsonValueKind.Number)
        {
            throw Error($"expected a number, found {Describe(Element)}");
        }
        if (!Element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Error($"{Element.GetRawText()} is not a finite double");
        }
        return value;
    }

    /// <summary>A non-empty array of finite numbers.</summary>
    public double[] Grid()
    {
        double[] values = [.. Items().Select(item => item.Double())];
        if (values.Length == 0)
        {
            throw Error("the grid is empty");
        }
        return values;
    }

    /// <summary>An array of rows of exactly <paramref name="columns"/> finite numbers each.</summary>
    public Matrix Rows(int columns, string columnsName)
    {
        var rows = Items().ToArray();
        var matrix = new Matrix(rows.Length, columns);
        for (var i = 0; i < rows.Length; i++)
        {
            var values = rows[i].Items().ToArray();
            if (values.Length != columns)
            {
                throw rows[i].Error($"expected {columns} values ({columnsName}), found {values.Length}");
            }
            var target = matrix.Row(i);
            for (var j = 0; j < columns; j++)
            {
                target[j] = values[j].Double();
            }
        }
        return matrix;
    }

    public CachedInputsException Error(string problem) => new($"{(Path.Length == 0 ? "document" : Path)}: {problem}");

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Truncate(element.GetString()!)}\"",
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
