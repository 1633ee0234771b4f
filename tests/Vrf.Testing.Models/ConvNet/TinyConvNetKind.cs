using TorchSharp;
using Vrf.Encoders;
using Vrf.Tensors;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>
/// A second encoder kind, for tests of the encoder seam: <c>tiny-convnet</c>, a folder holding
/// <see cref="TinyConvNetConfig.FileName"/> and <see cref="TinyConvNetEncoder.WeightsFileName"/>. It has no text tower,
/// so its zero-shot head comes from another builder (<see cref="DrawnExemplarHead"/>).
/// </summary>
public sealed class TinyConvNetKind : IEncoderKind
{
    public const string KindName = "tiny-convnet";

    public string Name => KindName;

    public EncoderFolderInfo Inspect(string folder, string role, EncoderFolderUse use)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (use.TextTower)
        {
            throw new EncoderFolderException($"The {role} model folder '{folder}' holds a {KindName} encoder, which has no text tower to build a head from prompts.");
        }
        var missing = new[] { TinyConvNetConfig.FileName, TinyConvNetEncoder.WeightsFileName }.Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        if (missing.Count > 0)
        {
            throw new EncoderFolderException($"The {role} model folder '{folder}' lacks {string.Join(", ", missing)}.");
        }
        var config = TinyConvNetConfig.Load(folder);
        return new EncoderFolderInfo(config.EmbeddingDim, config.ImageSize);
    }

    public IImagePreprocessor OpenPreprocessor(string folder) => new TinyConvNetPreprocessor(TinyConvNetConfig.Load(folder));

    public IImageEncoder Load(string folder, string device)
    {
        var config = TinyConvNetConfig.Load(folder);
        var network = new TinyConvNet(config);
        foreach (var (_, tensor) in network.state_dict())
        {
            tensor.DetachFromDisposeScope();
        }
        using (var weights = SafeTensorsFile.Open(Path.Combine(folder, TinyConvNetEncoder.WeightsFileName)))
        {
            CheckpointWeights.Load(network, weights);
        }
        network.to(InferenceDevice.Parse(device));
        network.eval();
        return new TinyConvNetEncoder(network, config);
    }
}
