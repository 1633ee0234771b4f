using System.Text.Json;

namespace Vrf.Tensors;

/// <summary>
/// The JSON header of a safetensors file: every tensor's type, shape and byte range, plus the free-form
/// <c>__metadata__</c>. Parsing checks every range against the bytes that follow the header, so a truncated or
/// inconsistent file is rejected before any tensor is read.
/// </summary>
public sealed class SafeTensorsHeader
{
    /// <summary>The largest header accepted, as in the reference implementation.</summary>
    public const long MaxLength = 100_000_000;

    private const string MetadataKey = "__metadata__";

    private SafeTensorsHeader(IReadOnlyDictionary<string, SafeTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
    }

    public IReadOnlyDictionary<string, SafeTensorInfo> Tensors { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <param name="json">The header bytes (UTF-8 JSON, possibly padded with spaces).</param>
    /// <param name="dataLength">How many bytes follow the header in the file.</param>
    /// <param name="source">The file, for error messages.</param>
    public static SafeTensorsHeader Parse(ReadOnlyMemory<byte> json, long dataLength, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Safetensors file '{source}' has a header that is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "its header is not a JSON object");
            }
            var tensors = new Dictionary<string, SafeTensorInfo>(StringComparer.Ordinal);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (entry.Name == MetadataKey)
                {
                    ReadMetadata(entry.Value, metadata, source);
                }
                else
                {
                    tensors[entry.Name] = ReadTensor(entry.Name, entry.Value, dataLength, source);
                }
            }
            CheckNoOverlap(tensors.Values, source);
            return new SafeTensorsHeader(tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, Dictionary<string, string> metadata, string source)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(source, $"{MetadataKey} is not an object of strings");
        }
        foreach (var item in value.EnumerateObject())
        {
            metadata[item.Name] = item.Value.ValueKind == JsonValueKind.String
                ? item.Value.GetString()!
                : throw Invalid(source, $"{MetadataKey}.{item.Name} is not a string");
        }
    }

    private static SafeTensorInfo ReadTensor(string name, JsonElement value, long dataLength, string source)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtypeJson) || dtypeJson.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("shape", out var shapeJson) || shapeJson.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out var offsetsJson) || offsetsJson.ValueKind != JsonValueKind.Array
            || offsetsJson.GetArrayLength() != 2)
        {
            throw Invalid(source, $"tensor '{name}' needs a string dtype, a shape array and two data_offsets");
        }
        var dtype = SafeTensorDType.FromName(dtypeJson.GetString()!)
            ?? throw Invalid(source, $"tensor '{name}' has dtype {dtypeJson.GetString()}, which is not one of " +
                string.Join(", ", SafeTensorDType.All));
        var shape = shapeJson.EnumerateArray().Select(d => NonNegative(d, name, "shape", source)).ToArray();
        var begin = NonNegative(offsetsJson[0], name, "data_offsets", source);
        var end = NonNegative(offsetsJson[1], name, "data_offsets", source);
        var info = new SafeTensorInfo(name, dtype, shape, begin, end);
        if (end < begin)
        {
            throw Invalid(source, $"tensor '{name}' has data_offsets [{begin}, {end}] that end before they begin");
        }
        if (end > dataLength)
        {
            throw Invalid(source, $"the file is truncated: tensor '{name}' ends at data byte {end} but only " +
                $"{dataLength} data bytes follow the header");
        }
        if (ExpectedByteLength(info) != info.ByteLength)
        {
            throw Invalid(source, $"tensor '{name}' ({dtype} {info.ShapeText}) needs {ExpectedByteLength(info)} bytes " +
                $"but its data_offsets [{begin}, {end}] span {info.ByteLength}");
        }
        return info;
    }

    private static long ExpectedByteLength(SafeTensorInfo info)
    {
        try
        {
            return checked(info.ElementCount * info.DType.ElementSize);
        }
        catch (OverflowException)
        {
            return -1;
        }
    }

    private static void CheckNoOverlap(IEnumerable<SafeTensorInfo> tensors, string source)
    {
        SafeTensorInfo? previous = null;
        foreach (var tensor in tensors.Where(t => t.ByteLength > 0).OrderBy(t => t.Begin))
        {
            if (previous is not null && tensor.Begin < previous.End)
            {
                throw Invalid(source, $"tensors '{previous.Name}' and '{tensor.Name}' overlap");
            }
            previous = tensor;
        }
    }

    private static long NonNegative(JsonElement element, string name, string field, string source) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) && value >= 0
            ? value
            : throw Invalid(source, $"tensor '{name}' has a {field} entry {element.GetRawText()} that is not a non-negative integer");

    private static InvalidDataException Invalid(string source, string problem) =>
        new($"Safetensors file '{source}' is not usable: {problem}.");
}
