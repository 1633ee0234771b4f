using Vrf.Digits.Pipeline;
using Vrf.Encoders;
using Vrf.ResNet.Modeling;
using Vrf.ResNet.Preprocessing;

namespace Vrf.ResNet;

/// <summary>
/// The <c>resnet18-imagenet</c> encoder kind: a ResNet model folder (<c>config.json</c>, <c>model.safetensors</c>,
/// <c>mean-image.safetensors</c>, see <see cref="ResNetEncoder"/>) and, when it records one, the image pipeline every
/// image goes through first (<see cref="ImagePipeline.FileName"/>; for digits: grey, MNIST framing, resize). Image
/// only: its zero-shot head comes from a builder that needs no text tower (glyphs). Its pretrained weights are the
/// ImageNet ResNet-18 of ML.NET's package, written as a folder at any input size that is a multiple of 32.
/// </summary>
public sealed class ResNetEncoderKind : IPretrainedEncoderKind
{
    public const string KindName = ResNetConfig.ImageNetResNet18Kind;

    /// <summary>The preprocessing of digit models: grey, MNIST framing, resize (<see cref="ImagePipeline.Digits"/>).</summary>
    public const string DigitsPreprocessing = "digits";

    private static readonly string[] RequiredFiles = [ResNetConfig.FileName, ResNetEncoder.WeightsFileName, ResNetEncoder.MeanImageFileName];

    public string Name => KindName;

    public string PretrainedSource => ResNet18Package.Restored.ModelPath;

    public EncoderFolderInfo Inspect(string folder, string role, EncoderFolderUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.TextTower)
        {
            throw new EncoderFolderException(
                $"The {role} model folder '{folder}' holds a {KindName} encoder, which has no text tower to build a zero-shot head " +
                "from prompts: choose a head built from images, such as glyphs.");
        }
        var missing = RequiredFiles.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
        {
            throw new EncoderFolderException($"The {role} model folder '{folder}' lacks {string.Join(", ", missing)}: it must be a {KindName} folder.");
        }
        var config = Readable(role, () => ResNetConfig.Load(Path.Combine(folder, ResNetConfig.FileName)));
        if (config.Kind != KindName)
        {
            throw new EncoderFolderException($"The {role} model folder '{folder}' holds a '{config.Kind}' model, not {KindName}.");
        }
        Readable(role, () => ImagePipeline.Read(folder));
        return new EncoderFolderInfo(config.FeatureDim, config.ImageSize);
    }

    public IImagePreprocessor OpenPreprocessor(string folder)
    {
        var config = ResNetConfig.Load(Path.Combine(folder, ResNetConfig.FileName));
        return new ResNetPreprocessor(ImagePipeline.Read(folder), new ResNetImageProcessor(ResNetEncoder.ReadMean(folder), config.ImageSize));
    }

    public IImageEncoder Load(string folder, string device) =>
        new ResNetImageEncoder(ResNetEncoder.Load(folder, new ResNetLoadOptions { Device = device }), folder);

    public void WritePretrained(string folder, PretrainedEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var size = options.ImageSize ?? ResNetInputSize.ImageNet;
        if (ResNetInputSize.Problem(size) is { } problem)
        {
            throw new EncoderFolderException($"The {KindName} encoder cannot take {size}-pixel images: {problem}.");
        }
        var pipeline = options.Preprocessing switch
        {
            null => null,
            DigitsPreprocessing => ImagePipeline.Digits(size),
            var unknown => throw new EncoderFolderException(
                $"'{unknown}' is not a preprocessing of the {KindName} encoder; the known one is {DigitsPreprocessing}."),
        };
        var package = ResNet18Package.Restored;
        try
        {
            package.EnsureExists();
        }
        catch (FileNotFoundException e)
        {
            throw new EncoderFolderException(e.Message, e);
        }
        using var encoder = ResNetEncoder.FromOnnx(package, new ResNetLoadOptions { ImageSize = size });
        encoder.Save(folder);
        pipeline?.Write(folder);
    }

    private static T Readable<T>(string role, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new EncoderFolderException($"The {role} model folder cannot be used: {e.Message}", e);
        }
    }
}
