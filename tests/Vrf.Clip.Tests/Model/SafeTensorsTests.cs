using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Vrf.Tensors;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class SafeTensorsTests
{
    [Fact]
    public void The_writer_lays_out_an_aligned_header_with_pt_metadata_first_and_tensors_in_name_order()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("t.safetensors");
        using var scope = NewDisposeScope();
        var b = tensor(new float[] { 1.5f, -2f, 3.25f });
        var a = arange(6, ScalarType.Int64).view(2, 3);
        var c = tensor(7.0f);

        SafeTensorsWriter.Write(path, new Dictionary<string, Tensor> { ["b"] = b, ["c"] = c, ["a"] = a });

        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, headerLength % 8);
        var headerText = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Equal(headerText.TrimEnd(' '), headerText.Trim());
        using var header = JsonDocument.Parse(headerText);
        var entries = header.RootElement.EnumerateObject().ToList();
        Assert.Equal(["__metadata__", "a", "b", "c"], entries.Select(e => e.Name));
        Assert.Equal("pt", entries[0].Value.GetProperty("format").GetString());
        Assert.Equal("I64", entries[1].Value.GetProperty("dtype").GetString());
        Assert.Equal([2L, 3L], entries[1].Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Empty(entries[3].Value.GetProperty("shape").EnumerateArray());
        var offsets = entries.Skip(1).Select(e => e.Value.GetProperty("data_offsets").EnumerateArray().Select(o => o.GetInt64()).ToArray()).ToList();
        Assert.Equal([[0L, 48L], [48L, 60L], [60L, 64L]], offsets);
        Assert.Equal(8 + headerLength + 64, bytes.Length);
        Assert.Equal(-2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + headerLength + 48 + 4)));
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.Float16)]
    [InlineData(ScalarType.BFloat16)]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Int64)]
    public void Every_supported_type_reads_back_exactly_and_converts_into_a_float32_destination(ScalarType type)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("t.safetensors");
        using var scope = NewDisposeScope();
        var stored = (randn(4, 5) * 100).to(type);
        SafeTensorsWriter.Write(path, new Dictionary<string, Tensor> { ["x"] = stored });

        using var file = SafeTensorsFile.Open(path);
        var destination = zeros(4, 5);
        file.CopyTo("x", destination);

        Assert.Equal(SafeTensorDType.For(type), file.Info("x").DType);
        TensorAssert.Identical(stored, file.Read("x"));
        TensorAssert.Identical(stored.to(ScalarType.Float32), destination);
    }

    [Fact]
    public void Copying_into_a_destination_of_another_shape_names_the_tensor_both_shapes_and_the_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("t.safetensors");
        using var scope = NewDisposeScope();
        SafeTensorsWriter.Write(path, new Dictionary<string, Tensor> { ["x"] = zeros(2, 3) });
        using var file = SafeTensorsFile.Open(path);

        var error = Assert.Throws<InvalidDataException>(() => file.CopyTo("x", zeros(3, 2)));

        Assert.Contains(path, error.Message);
        Assert.Contains("'x' in", error.Message);
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("[3, 2]", error.Message);
    }

    [Theory]
    [InlineData("""{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 4, "truncated")]
    [InlineData("""{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8, "needs 12 bytes")]
    [InlineData("""{"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"y":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "overlap")]
    [InlineData("""{"x":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}}""", 2, "F8_E4M3")]
    [InlineData("""{"x":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}}""", 0, "shape")]
    [InlineData("""[1, 2]""", 0, "not a JSON object")]
    [InlineData("""{"x":""", 0, "not valid JSON")]
    public void An_inconsistent_file_is_rejected_when_opened_with_a_message_naming_it(string header, int dataBytes, string problem)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("bad.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(100)]
    public void A_file_cut_inside_its_header_is_reported_as_truncated(int keptBytes)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("cut.safetensors");
        var original = File.ReadAllBytes(Path.Combine(ClipTinyReference.Folder, "model.safetensors"));
        File.WriteAllBytes(path, original[..keptBytes]);

        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Reading_a_tensor_the_file_lacks_names_the_tensor_and_the_file()
    {
        using var file = SafeTensorsFile.Open(Path.Combine(ClipTinyReference.Folder, "model.safetensors"));

        var error = Assert.Throws<KeyNotFoundException>(() => file.Info("text_model.pooler.weight"));

        Assert.Contains("'text_model.pooler.weight'", error.Message);
        Assert.Contains(file.Path, error.Message);
    }
}
