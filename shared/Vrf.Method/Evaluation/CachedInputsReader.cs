using System.Text;
using System.Text.Json;

namespace Vrf.Method.Evaluation;

/// <summary>
/// Reads and validates an <c>inputs.json</c>. Every problem is a <see cref="CachedInputsException"/> whose message
/// names the field path (e.g. <c>tests[shift].logits_ft[12]</c>) and what was expected.
/// Required: <c>num_classes</c>, <c>feature_dim</c>, <c>params.a</c>, <c>params.b</c>, <c>params.k_rule</c>
/// (<c>params.k</c> with <c>"explicit"</c>), <c>train</c>, <c>val</c> and a non-empty <c>tests</c>. Optional:
/// <c>schema</c> (checked when present), <c>case</c>, <c>description</c>, the grids (the paper's by default) and
/// <c>params.calibration</c> (the released code's constants by default).
/// </summary>
public static class CachedInputsReader
{
    public static CachedInputs ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CachedInputsException($"cannot read {path}: {e.Message}", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses UTF-8 JSON (a byte order mark is allowed); <paramref name="source"/> names it in messages.</summary>
    public static CachedInputs Parse(ReadOnlyMemory<byte> json, string source = "inputs")
    {
        if (json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CachedInputsException($"{source}: {DescribeSyntaxError(json.Span, e)}", e);
        }
        using (document)
        {
            try
            {
                return Read(new Field(document.RootElement, ""));
            }
            catch (CachedInputsException e)
            {
                throw new CachedInputsException($"{source}: {e.Message}", e.InnerException);
            }
        }
    }

    public static CachedInputs Parse(string json, string source = "inputs") => Parse(Encoding.UTF8.GetBytes(json), source);

    private static CachedInputs Read(Field root)
    {
        root.RequireKind(JsonValueKind.Object, "an object");
        var schema = root.Optional("schema")?.String();
        if (schema is not null && schema != CachedInputs.Schema)
        {
            throw root.Required("schema").Error($"expected \"{CachedInputs.Schema}\", found \"{schema}\"");
        }
        var classes = root.Required("num_classes").Int(minimum: 1);
        var dimension = root.Required("feature_dim").Int(minimum: 1);
        var parameters = ReadParameters(root.Required("params"));
        var shape = new SplitShape(classes, dimension);
        var train = shape.Read(root.Required("train"), "train", allowMask: false);
        var validation = shape.Read(root.Required("val"), "val", allowMask: false);
        var tests = ReadTests(root.Required("tests"), shape);
        return new CachedInputs(
            root.Optional("case")?.String() ?? "",
            root.Optional("description")?.String() ?? "",
            classes, dimension, parameters, train, validation, tests);
    }

    private static EvaluationParameters ReadParameters(Field field)
    {
        field.RequireKind(JsonValueKind.Object, "an object");
        var a = field.Required("a").Double();
        var b = field.Required("b").Double();
        if (b <= 0)
        {
            throw field.Required("b").Error($"must be positive, found {b}");
        }
        var ruleField = field.Required("k_rule");
        var rule = ruleField.String() switch
        {
            "code" => KRule.Code,
            "paper" => KRule.Paper,
            "explicit" => KRule.Explicit,
            var other => throw ruleField.Error($"unknown K rule \"{other}\"; expected \"code\", \"paper\" or \"explicit\""),
        };
        int? k = rule == KRule.Explicit ? field.Required("k").Int() : null;
        return new EvaluationParameters(
            new EnsembleWeight(a, b),
            rule,
            k,
            field.Optional("ose_alpha_grid")?.Grid() ?? EvaluationParameters.DefaultOseAlphaGrid,
            field.Optional("vrf_a_grid")?.Grid() ?? EvaluationParameters.DefaultVrfAGrid,
            PositiveGrid(field.Optional("vrf_b_grid")) ?? EvaluationParameters.DefaultVrfBGrid,
            ReadCalibration(field.Optional("calibration")));
    }

    private static double[]? PositiveGrid(Field? json)
    {
        if (json is not { } field)
        {
            return null;
        }
        var grid = field.Grid();
        if (grid.Any(b => b <= 0))
        {
            throw field.Error("every b must be positive");
        }
        return grid;
    }

    private static TemperatureCalibration ReadCalibration(Field? json)
    {
        if (json is not { } field)
        {
            return TemperatureCalibration.Reference;
        }
        field.RequireKind(JsonValueKind.Object, "an object");
        var reference = TemperatureCalibration.Reference;
        var calibration = reference with
        {
            InitialLow = field.Optional("t_min")?.Double() ?? reference.InitialLow,
            InitialHigh = field.Optional("t_max")?.Double() ?? reference.InitialHigh,
            Threshold = field.Optional("threshold")?.Double() ?? reference.Threshold,
            Expand = field.Optional("expand")?.Double() ?? reference.Expand,
        };
        if (!(calibration.InitialLow > 0 && calibration.InitialHigh > calibration.InitialLow && calibration.Threshold > 0 && calibration.Expand > 1))
        {
            throw field.Error("needs 0 < t_min < t_max, threshold > 0 and expand > 1");
        }
        return calibration;
    }

    private static LabelledSplit[] ReadTests(Field field, SplitShape shape)
    {
        field.RequireKind(JsonValueKind.Array, "an array of test splits");
        var items = field.Items().ToArray();
        if (items.Length == 0)
        {
            throw field.Error("at least one test split is needed");
        }
        var tests = new LabelledSplit[items.Length];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            items[i].RequireKind(JsonValueKind.Object, "an object");
            var name = items[i].Required("name").String();
            if (name.Length == 0 || !names.Add(name))
            {
                throw items[i].Required("name").Error($"test split names must be non-empty and unique, found \"{name}\"");
            }
            tests[i] = shape.Read(items[i] with { Path = $"tests[{name}]" }, name, allowMask: true);
        }
        return tests;
    }

    private static string DescribeSyntaxError(ReadOnlySpan<byte> json, JsonException e)
    {
        var where = $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}";
        var token = TokenAt(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        return token.StartsWith("NaN", StringComparison.Ordinal) || token.StartsWith("Infinity", StringComparison.Ordinal)
               || token.StartsWith("-Infinity", StringComparison.Ordinal)
            ? $"non-finite number {token.Split([',', ']', '}', ' ', '\r', '\n'])[0]} at {where}: every value must be a finite number"
            : $"not valid JSON at {where}: {e.Message.Split(" LineNumber:")[0]}";
    }

    /// <summary>The text where the reader stopped, with the minus sign before it if any (it stops after "-" in "-Infinity").</summary>
    private static string TokenAt(ReadOnlySpan<byte> json, long line, long bytePosition)
    {
        var start = 0;
        for (var l = 0L; l < line; l++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return "";
            }
            start += next + 1;
        }
        var offset = (int)Math.Min(start + bytePosition, json.Length);
        if (offset > 0 && json[offset - 1] == (byte)'-')
        {
            offset--;
        }
        var rest = json[offset..];
        return Encoding.UTF8.GetString(rest[..Math.Min(rest.Length, 16)]);
    }
}
