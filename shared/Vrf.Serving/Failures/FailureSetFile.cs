using System.Text.Json;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Serving.Failures;

/// <summary>
/// <c>failure-set.safetensors</c>, one file (written atomically) holding the whole set: <c>features</c> float32
/// [|V|, D], <c>labels</c> int64 [|V|], and <c>sample_ids</c> uint8, the UTF-8 JSON array of the sample ids. Files of
/// the first format, with the ids in the <c>sample_ids</c> metadata entry of the header, are still read. Arrays go
/// between the file and the set without an intermediate copy: large sets are read straight into their arrays, and
/// the ids never pass through the header's JSON, whose parsing buffers the runtime would keep pooled.
/// </summary>
public static class FailureSetFile
{
    public const string Format = "vrf-failure-set/2";

    /// <summary>The first format: the sample ids as JSON text in the header's metadata.</summary>
    public const string IdsInHeaderFormat = "vrf-failure-set/1";

    private const string FeaturesName = "features";
    private const string LabelsName = "labels";
    private const string SampleIdsName = "sample_ids";
    private const string FormatKey = "format";

    public static void Write(string path, FailureSet failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        using var scope = NewDisposeScope();
        SafeTensorsWriter.Write(
            path,
            new Dictionary<string, Tensor>
            {
                [FeaturesName] = View(failures.Features, [failures.Count, failures.Dimension]),
                [LabelsName] = View(failures.Labels.Select(label => (long)label).ToArray(), [failures.Count]),
                [SampleIdsName] = View(JsonSerializer.SerializeToUtf8Bytes(failures.SampleIds), [-1]),
            },
            new Dictionary<string, string> { [FormatKey] = Format });
    }

    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a failure set.</exception>
    public static FailureSet Read(string path)
    {
        using var file = SafeTensorsFile.Open(path);
        var metadata = file.Header.Metadata;
        var format = metadata.GetValueOrDefault(FormatKey);
        if (format is not (Format or IdsInHeaderFormat))
        {
            throw new InvalidDataException($"'{path}' is not a failure set file ({Format}).");
        }
        var features = file.Info(FeaturesName);
        var labels = file.Info(LabelsName);
        if (features.Shape.Length != 2 || labels.Shape.Length != 1 || labels.Shape[0] != features.Shape[0]
            || features.DType != SafeTensorDType.F32 || labels.DType != SafeTensorDType.I64)
        {
            throw new InvalidDataException(
                $"Failure set '{path}' should hold float32 features [|V|, D] and int64 labels [|V|], not {features.ShapeText} and {labels.ShapeText}.");
        }
        var idsJson = format == Format ? IdBytes(file, path) : System.Text.Encoding.UTF8.GetBytes(metadata.GetValueOrDefault(SampleIdsName) ?? "null");
        var sampleIds = JsonSerializer.Deserialize<string[]>(idsJson) ?? throw new InvalidDataException($"Failure set '{path}' has no sample ids.");
        return new FailureSet(
            (int)features.Shape[1],
            ReadArray<float>(file, features, pinned: true),
            [.. ReadArray<long>(file, labels).Select(label => (int)label)],
            sampleIds);
    }

    private static byte[] IdBytes(SafeTensorsFile file, string path)
    {
        var ids = file.Info(SampleIdsName);
        return ids.Shape.Length == 1 && ids.DType == SafeTensorDType.U8
            ? ReadArray<byte>(file, ids)
            : throw new InvalidDataException($"Failure set '{path}' should hold its sample ids as uint8 UTF-8 JSON, not {ids.DType} {ids.ShapeText}.");
    }

    /// <summary>A tensor over <paramref name="values"/> (not a copy) in the given shape.</summary>
    private static Tensor View<T>(T[] values, long[] shape) where T : unmanaged =>
        values.Length == 0 ? empty(shape.Select(size => Math.Max(0, size)).ToArray(), For<T>()) : frombuffer(values, For<T>()).view(shape);

    /// <summary>
    /// A stored tensor copied from the mapped file straight into a new array (its type checked by the caller); a
    /// <paramref name="pinned"/> one is made on the pinned-object heap, where the tensors that view it for as long as it
    /// is loaded leave the other heaps free to compact.
    /// </summary>
    private static T[] ReadArray<T>(SafeTensorsFile file, SafeTensorInfo info, bool pinned = false) where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(checked((int)info.ElementCount), pinned);
        if (values.Length > 0)
        {
            using var scope = NewDisposeScope();
            file.CopyTo(info.Name, View(values, info.Shape));
        }
        return values;
    }

    private static ScalarType For<T>() where T : unmanaged => default(T) switch
    {
        float => ScalarType.Float32,
        long => ScalarType.Int64,
        byte => ScalarType.Byte,
        _ => throw new NotSupportedException($"Failure set files hold no {typeof(T).Name} tensors."),
    };
}
