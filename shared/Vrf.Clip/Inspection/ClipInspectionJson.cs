using System.Text.Json;

namespace Vrf.Clip.Inspection;

/// <summary>
/// Writes an inspection in the layout of the clip-tiny oracle's <c>expected.json</c>: the inputs, then a
/// <c>tensors</c> object of <c>{"shape", "dtype", "data"}</c> (row-major) per stage.
/// </summary>
public static class ClipInspectionJson
{
    public const string Format = "vrf-clip-inspect/1";

    public static void Write(Stream output, ClipInspectionRequest request, ClipInspectionReport report)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("model", Path.GetFullPath(request.ModelFolder));
        WriteStrings(json, "images", request.ImagePaths);
        WriteStrings(json, "prompts", request.Prompts);
        json.WriteStartObject("zeroshot");
        WriteStrings(json, "classnames", request.ClassNames);
        WriteStrings(json, "prompts", report.ZeroShotPrompts);
        json.WriteString("order", "class-major: prompt index = class * n_templates + template");
        json.WriteEndObject();
        WriteStrings(json, "warnings", report.Warnings);
        json.WriteStartObject("tensors");
        foreach (var tensor in report.Tensors)
        {
            json.WriteStartObject(tensor.Name);
            json.WriteStartArray("shape");
            foreach (var dimension in tensor.Shape)
            {
                json.WriteNumberValue(dimension);
            }
            json.WriteEndArray();
            json.WriteString("dtype", tensor.DType);
            json.WriteStartArray("data");
            foreach (var value in tensor.Data)
            {
                if (tensor.DType == InspectedTensor.Int64)
                {
                    json.WriteNumberValue((long)value);
                }
                else
                {
                    json.WriteNumberValue((float)value);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
