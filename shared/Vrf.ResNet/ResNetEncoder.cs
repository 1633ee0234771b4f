using TorchSharp.Modules;
using Vrf.Tensors;
using Vrf.ResNet.Modeling;
using Vrf.ResNet.Onnx;
using Vrf.ResNet.Preprocessing;
using static TorchSharp.torch;

namespace Vrf.ResNet;

/// <summary>
/// An image encoder made of a <see cref="ResNetModel"/>, the mean it subtracts and its image processor, loaded from
/// ML.NET's ONNX files or from a model folder and saved as one: <c>config.json</c> (<see cref="ResNetConfig"/>),
/// <c>model.safetensors</c> (every parameter and batch-norm buffer, by <see cref="ResNetModel"/>'s names) and
/// <c>mean-image.safetensors</c> (<c>mean_image</c> [3, 224, 224], BGR). The encoder owns the weights: dispose it.
/// </summary>
public sealed class ResNetEncoder : IDisposable
{
    public const string WeightsFileName = "model.safetensors";
    public const string MeanImageFileName = "mean-image.safetensors";
    public const string MeanImageTensorName = "mean_image";

    private ResNetEncoder(ResNetModel model, PixelMean mean)
    {
        Model = model;
        Mean = mean;
        Processor = new ResNetImageProcessor(mean, model.Config.ImageSize);
    }

    public ResNetConfig Config => Model.Config;

    public ResNetModel Model { get; }

    public PixelMean Mean { get; }

    public ResNetImageProcessor Processor { get; }

    public Device Device => Model.Device;

    public int FeatureDim => Config.FeatureDim;

    /// <summary>The parameters fine-tuning trains, by name (batch-norm running statistics are buffers, not here).</summary>
    public IEnumerable<(string Name, Parameter Parameter)> TrainableParameters => Model.named_parameters();

    /// <summary>Features [N, <see cref="FeatureDim"/>] of preprocessed images [N, 3, S, S], not normalised. Call under
    /// <c>no_grad()</c> after <c>Model.eval()</c> for inference.</summary>
    public Tensor Encode(Tensor pixelValues) => Model.forward(pixelValues);

    /// <summary>Builds the encoder from ML.NET's two ONNX files, in evaluation mode.</summary>
    public static ResNetEncoder FromOnnx(ResNet18Package package, ResNetLoadOptions? options = null)
    {
        options ??= new ResNetLoadOptions();
        CheckSize(options);
        package.EnsureExists();
        var device = InferenceDevice.Parse(options.Device);
        var weights = ResNetOnnxLayout.Read(package.ModelPath);
        var mean = ResNetPreprocessLayout.Read(package.PreprocessPath);
        return Build(Sized(weights.Config, options), mean, device, model => OnnxWeightCopy.CopyInto(model, weights, package.ModelPath));
    }

    /// <summary>Loads a folder written by <see cref="Save"/>, in evaluation mode.</summary>
    public static ResNetEncoder Load(string folder, ResNetLoadOptions? options = null)
    {
        options ??= new ResNetLoadOptions();
        CheckSize(options);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"ResNet model folder '{folder}' does not exist.");
        }
        var device = InferenceDevice.Parse(options.Device);
        var config = Sized(ResNetConfig.Load(Path.Combine(folder, ResNetConfig.FileName)), options);
        var mean = ReadMean(folder);
        using var weights = SafeTensorsFile.Open(RequiredFile(folder, WeightsFileName));
        return Build(config, mean, device, model => CheckpointWeights.Load(model, weights));
    }

    /// <summary>Writes <c>config.json</c>, <c>model.safetensors</c> and <c>mean-image.safetensors</c> into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        Config.Save(Path.Combine(folder, ResNetConfig.FileName));
        CheckpointWeights.Save(Model, Path.Combine(folder, WeightsFileName));
        using var meanImage = tensor(Mean.Image.ToArray(), [3, Mean.ImageSize, Mean.ImageSize]);
        SafeTensorsWriter.Write(Path.Combine(folder, MeanImageFileName), [new(MeanImageTensorName, meanImage)]);
    }

    public void Dispose() => Model.Dispose();

    private static ResNetEncoder Build(ResNetConfig config, PixelMean mean, Device device, Action<ResNetModel> fill)
    {
        var model = new ResNetModel(config, device);
        try
        {
            foreach (var tensor in model.state_dict().Values)
            {
                tensor.DetachFromDisposeScope();
            }
            fill(model);
            model.eval();
            return new ResNetEncoder(model, mean);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static void CheckSize(ResNetLoadOptions options)
    {
        if (options.ImageSize is { } size)
        {
            ResNetInputSize.Check(size);
        }
    }

    private static ResNetConfig Sized(ResNetConfig config, ResNetLoadOptions options) =>
        options.ImageSize is { } size ? config with { ImageSize = size } : config;

    /// <summary>The mean image of a folder written by <see cref="Save"/>.</summary>
    internal static PixelMean ReadMean(string folder)
    {
        var path = RequiredFile(folder, MeanImageFileName);
        using var file = SafeTensorsFile.Open(path);
        var info = file.Info(MeanImageTensorName);
        if (info.Shape is not [3, var height, var width] || height != width)
        {
            throw new InvalidDataException($"'{path}' should hold {MeanImageTensorName} [3, S, S], not {info.ShapeText}.");
        }
        using var values = file.Read(MeanImageTensorName).to(ScalarType.Float32);
        return new PixelMean((int)height, values.data<float>().ToArray());
    }

    private static string RequiredFile(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"ResNet model folder '{folder}' has no {name}.", path);
    }
}
