using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip;

/// <summary>
/// A Hugging Face <c>CLIPModel</c> folder: <c>config.json</c> and <c>model.safetensors</c> (the tokenizer and image
/// processor files beside them are read elsewhere).
/// </summary>
public static class ClipModelFolder
{
    public const string WeightsFileName = "model.safetensors";

    private static readonly Dictionary<ScalarType, string> TorchDtypeNames = new()
    {
        [ScalarType.Float32] = "float32",
        [ScalarType.Float16] = "float16",
        [ScalarType.BFloat16] = "bfloat16",
        [ScalarType.Float64] = "float64",
    };

    /// <summary>
    /// Builds the model the configuration describes on the requested device and element type, fills every weight from
    /// the checkpoint and switches it to evaluation mode. The weights belong to the returned model, whatever dispose
    /// scope is active: dispose the model to free them.
    /// </summary>
    public static ClipModel Load(string directory, ClipLoadOptions? options = null)
    {
        options ??= new ClipLoadOptions();
        if (!TorchDtypeNames.ContainsKey(options.DType))
        {
            throw new ArgumentException(
                $"CLIP weights can be {string.Join(", ", TorchDtypeNames.Values)}, not {options.DType}.", nameof(options));
        }
        var device = InferenceDevice.Parse(options.Device);
        var configPath = RequiredFile(directory, ClipConfig.FileName);
        var weightsPath = RequiredFile(directory, WeightsFileName);
        var config = ClipConfig.Load(configPath);
        using var weights = SafeTensorsFile.Open(weightsPath);
        var model = new ClipModel(config, device, options.DType);
        try
        {
            foreach (var parameter in model.parameters())
            {
                parameter.DetachFromDisposeScope();
            }
            CheckpointWeights.Load(model, weights);
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>Writes <c>config.json</c> and <c>model.safetensors</c> in the Hugging Face format into <paramref name="directory"/>.</summary>
    public static void Save(ClipModel model, string directory)
    {
        Directory.CreateDirectory(directory);
        model.Config.Save(Path.Combine(directory, ClipConfig.FileName), TorchDtypeNames[model.DType]);
        CheckpointWeights.Save(model, Path.Combine(directory, WeightsFileName));
    }

    private static string RequiredFile(string directory, string fileName)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"CLIP model folder '{directory}' does not exist.");
        }
        var path = Path.Combine(directory, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"CLIP model folder '{directory}' has no {fileName}{OtherWeightsHint(directory, fileName)}.", path);
    }

    private static string OtherWeightsHint(string directory, string missingFile) =>
        missingFile != WeightsFileName ? ""
        : File.Exists(Path.Combine(directory, WeightsFileName + ".index.json"))
            ? " (only single-file checkpoints are read: merge the shards into one model.safetensors)"
        : File.Exists(Path.Combine(directory, "pytorch_model.bin"))
            ? " (pytorch_model.bin is not read: convert it to model.safetensors)"
        : "";
}
