using System.Text;
using System.Text.Json;
using Vrf.Clip.Weights;
using static TorchSharp.torch;

namespace Vrf.Serving.Failures;

/// <summary>
/// <c>failure-set.safetensors</c>: <c>features</c> float32 [|V|, D], <c>labels</c> int64 [|V|], and the sample ids
/// as a JSON array in the <c>sample_ids</c> metadata entry, so one file (written atomically) holds the whole set.
/// </summary>
public static class FailureSetFile
{
    public const string Format = "vrf-failure-set/1";
    private const string FeaturesName = "features";
    private const string LabelsName = "labels";
    private const string FormatKey = "format";
    private const string SampleIdsKey = "sample_ids";

    public static void Write(string path, FailureSet failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        using var scope = NewDisposeScope();
        SafeTensorsWriter.Write(
            path,
            new Dictionary<string, Tensor>
            {
                [FeaturesName] = tensor(failures.Features, [failures.Count, failures.Dimension], ScalarType.Float32),
                [LabelsName] = tensor(failures.Labels.Select(label => (long)label).ToArray(), [failures.Count], ScalarType.Int64),
            },
            new Dictionary<string, string>
            {
                [FormatKey] = Format,
                [SampleIdsKey] = JsonSerializer.Serialize(failures.SampleIds),
            });
    }

    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a failure set.</exception>
    public static FailureSet Read(string path)
    {
        using var file = SafeTensorsFile.Open(path);
        var metadata = file.Header.Metadata;
        if (!metadata.TryGetValue(FormatKey, out var format) || format != Format)
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
        // From UTF-8 bytes: parsing the text itself would rent a transcoding buffer of three times its length, which the
        // shared pool keeps after a large set has been read.
        var sampleIds = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetBytes(metadata.GetValueOrDefault(SampleIdsKey) ?? "null"))
            ?? throw new InvalidDataException($"Failure set '{path}' has no sample ids.");
        var dimension = (int)features.Shape[1];
        if (features.Shape[0] == 0)
        {
            return new FailureSet(dimension, [], [], sampleIds);
        }
        using var scope = NewDisposeScope();
        return new FailureSet(
            dimension,
            ReadFeatures(file, features),
            [.. file.Read(LabelsName).data<long>().ToArray().Select(label => (int)label)],
            sampleIds);
    }

    /// <summary>The features copied from the mapped file straight into their array, with no copy in between.</summary>
    private static float[] ReadFeatures(SafeTensorsFile file, SafeTensorInfo features)
    {
        var values = GC.AllocateUninitializedArray<float>(checked((int)features.ElementCount));
        using var flat = frombuffer(values, ScalarType.Float32);
        using var rows = flat.view(features.Shape);
        file.CopyTo(FeaturesName, rows);
        return values;
    }
}
