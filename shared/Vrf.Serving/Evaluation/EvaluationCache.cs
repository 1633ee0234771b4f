using System.Globalization;
using Microsoft.Extensions.Logging;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// Model outputs over evaluation splits kept between runs, under the store but outside the (immutable) bundles:
/// <c>&lt;store&gt;/.cache/&lt;name&gt;/&lt;version&gt;/&lt;split key&gt;.outputs.safetensors</c> (both models' logits and the
/// fine-tuned features) and <c>…wse-&lt;α&gt;.safetensors</c> (the weight-space ensemble's logits at α). Each file
/// records the <see cref="SplitFingerprint"/> it was made for; a file whose fingerprint no longer matches (the
/// images changed) or that cannot be read is made again. A store too full or read-only to keep outputs only costs the
/// next run the time to compute them again (a warning says so).
/// </summary>
public sealed partial class EvaluationCache(ModelStore store, ILogger<EvaluationCache> logger)
{
    public const string FolderName = ".cache";
    public const string Format = "vrf-eval-cache/1";
    private const string FormatKey = "format";
    private const string FingerprintKey = "fingerprint";
    private const string FolderKey = "folder";
    private const string SkippedKey = "skipped";
    private const string ZeroShotLogitsName = "zero_shot_logits";
    private const string FineTunedLogitsName = "fine_tuned_logits";
    private const string FineTunedFeaturesName = "fine_tuned_features";
    private const string LogitsName = "logits";
    private const string LabelsName = "labels";

    /// <summary>The folder holding a version's cached outputs.</summary>
    public string VersionFolder(ModelVersionId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Path.Combine(store.Root, FolderName, id.Name, id.Version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The file both models' outputs over <paramref name="folder"/> are cached in.</summary>
    public string OutputsPath(ModelVersionId id, string folder) =>
        Path.Combine(VersionFolder(id), $"{SplitFingerprint.FolderKey(folder)}.outputs.safetensors");

    /// <summary>The file the weight-space ensemble's logits at α over <paramref name="folder"/> are cached in.</summary>
    public string WeightSpacePath(ModelVersionId id, string folder, double alpha) =>
        Path.Combine(VersionFolder(id), string.Create(CultureInfo.InvariantCulture, $"{SplitFingerprint.FolderKey(folder)}.wse-{alpha:0.00}.safetensors"));

    /// <summary>Both models' outputs over the dataset: from the cache when it holds them for these images, else computed and cached.</summary>
    public (SplitOutputs Outputs, bool Cached) Outputs(ModelBundle bundle, ImageFolderDataset dataset, Func<SplitOutputs> compute)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(compute);
        var path = OutputsPath(bundle.Id, dataset.Folder);
        var fingerprint = SplitFingerprint.Of(bundle, dataset);
        if (TryRead(path, fingerprint, ReadOutputs) is { } cached)
        {
            LogHit(bundle.Id, dataset.Folder, path);
            return (cached, true);
        }
        var outputs = compute();
        Write(path, fingerprint, dataset.Folder, outputs.Skipped, new Dictionary<string, Tensor>
        {
            [ZeroShotLogitsName] = Floats(outputs.ZeroShotLogits),
            [FineTunedLogitsName] = Floats(outputs.FineTunedLogits),
            [FineTunedFeaturesName] = Floats(outputs.FineTunedFeatures),
            [LabelsName] = Labels(outputs.Labels),
        });
        return (outputs, false);
    }

    /// <summary>The weight-space ensemble's logits at α over the dataset: cached, else computed and cached.</summary>
    public (LabelledLogits Logits, bool Cached) WeightSpaceLogits(ModelBundle bundle, ImageFolderDataset dataset, double alpha,
        Func<LabelledLogits> compute)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(compute);
        var path = WeightSpacePath(bundle.Id, dataset.Folder, alpha);
        var fingerprint = SplitFingerprint.Of(bundle, dataset);
        if (TryRead(path, fingerprint, file => new LabelledLogits(FloatRows(file, LogitsName), LabelRows(file))) is { } cached)
        {
            LogHit(bundle.Id, dataset.Folder, path);
            return (cached, true);
        }
        var logits = compute();
        Write(path, fingerprint, dataset.Folder, 0, new Dictionary<string, Tensor>
        {
            [LogitsName] = Floats(logits.Logits),
            [LabelsName] = Labels(logits.Labels),
        });
        return (logits, false);
    }

    private T? TryRead<T>(string path, string fingerprint, Func<SafeTensorsFile, T> read) where T : class
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var file = SafeTensorsFile.Open(path);
            var metadata = file.Header.Metadata;
            if (metadata.GetValueOrDefault(FormatKey) != Format || metadata.GetValueOrDefault(FingerprintKey) != fingerprint)
            {
                LogStale(path);
                return null;
            }
            return read(file);
        }
        catch (Exception e) when (e is InvalidDataException or KeyNotFoundException or IOException)
        {
            LogUnreadable(path, e.Message);
            return null;
        }
    }

    private static SplitOutputs ReadOutputs(SafeTensorsFile file) => new(
        FloatRows(file, ZeroShotLogitsName),
        FloatRows(file, FineTunedLogitsName),
        FloatRows(file, FineTunedFeaturesName),
        LabelRows(file),
        int.Parse(file.Header.Metadata.GetValueOrDefault(SkippedKey) ?? "0", CultureInfo.InvariantCulture));

    private static float[][] FloatRows(SafeTensorsFile file, string name)
    {
        var info = file.Info(name);
        if (info.Shape.Length != 2 || info.DType != SafeTensorDType.F32)
        {
            throw new InvalidDataException($"'{name}' should be float32 [rows, columns], not {info.ShapeText}.");
        }
        using var scope = NewDisposeScope();
        return [.. file.Read(name).data<float>().ToArray().Chunk((int)info.Shape[1])];
    }

    private static int[] LabelRows(SafeTensorsFile file)
    {
        using var scope = NewDisposeScope();
        return [.. file.Read(LabelsName).data<long>().ToArray().Select(label => (int)label)];
    }

    /// <summary>Keeps the outputs for the next run; a store too full or read-only to take them keeps nothing (the file is
    /// written beside its name and moved into place) and the run goes on with the outputs it computed.</summary>
    private void Write(string path, string fingerprint, string folder, int skipped, Dictionary<string, Tensor> tensors)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            SafeTensorsWriter.Write(path, tensors, new Dictionary<string, string>
            {
                [FormatKey] = Format,
                [FingerprintKey] = fingerprint,
                [FolderKey] = folder,
                [SkippedKey] = skipped.ToString(CultureInfo.InvariantCulture),
            });
            LogWritten(path);
        }
        catch (IOException e) when (FileSystemErrors.IsFullOrReadOnly(e))
        {
            LogNotWritten(store.Root, path, ReasonText.OneLine(e.Message));
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static Tensor Floats(IReadOnlyList<float[]> rows) =>
        tensor(rows.SelectMany(row => row).ToArray(), [rows.Count, rows[0].Length], ScalarType.Float32);

    private static Tensor Labels(IReadOnlyList<int> labels) =>
        tensor(labels.Select(label => (long)label).ToArray(), [labels.Count], ScalarType.Int64);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Model}: using the cached outputs over {Folder} ({Path})")]
    private partial void LogHit(ModelVersionId model, string folder, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cached outputs in {Path} were made for other images; computing them again")]
    private partial void LogStale(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cached outputs in {Path} cannot be read ({Reason}); computing them again")]
    private partial void LogUnreadable(string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The model store '{Store}' cannot keep the outputs computed for {Path} ({Reason}); they are used for this run only")]
    private partial void LogNotWritten(string store, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cached outputs in {Path}")]
    private partial void LogWritten(string path);
}
