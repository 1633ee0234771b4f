using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>
/// Writes safetensors files as Hugging Face's <c>save_file</c> does: 8-byte little-endian header length, a compact
/// JSON header with <c>__metadata__</c> first, padded with spaces to a multiple of 8 bytes, then the tensors' bytes,
/// here in ordinal name order. The file is written next to its destination and moved into place when complete.
/// </summary>
public static class SafeTensorsWriter
{
    private const int Alignment = 8;
    private const int StreamBufferBytes = 1 << 20;

    /// <summary>The metadata transformers writes for PyTorch weights.</summary>
    public static IReadOnlyDictionary<string, string> PyTorchFormat { get; } = new Dictionary<string, string> { ["format"] = "pt" };

    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var header = Header(ordered, metadata ?? PyTorchFormat);
        var partial = path + ".partial";
        try
        {
            WriteFile(partial, header, ordered);
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static void WriteFile(string path, byte[] header, List<KeyValuePair<string, Tensor>> tensors)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, StreamBufferBytes);
        Span<byte> length = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var (_, tensor) in tensors)
        {
            using var scope = NewDisposeScope();
            var bytes = tensor.detach().cpu().contiguous();
            if (bytes.numel() > 0)
            {
                bytes.WriteBytesToStream(stream, StreamBufferBytes);
            }
        }
    }

    private static byte[] Header(List<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("__metadata__");
            foreach (var (key, value) in metadata)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
            long offset = 0;
            foreach (var (name, tensor) in tensors)
            {
                var dtype = SafeTensorDType.For(tensor.dtype);
                var end = offset + tensor.numel() * dtype.ElementSize;
                json.WriteStartObject(name);
                json.WriteString("dtype", dtype.Name);
                json.WriteStartArray("shape");
                foreach (var dim in tensor.shape)
                {
                    json.WriteNumberValue(dim);
                }
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(end);
                json.WriteEndArray();
                json.WriteEndObject();
                offset = end;
            }
            json.WriteEndObject();
        }
        var padding = (Alignment - (int)(buffer.Length % Alignment)) % Alignment;
        buffer.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
        return buffer.ToArray();
    }
}
