using TorchSharp.Modules;
using Vrf.Encoders;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>A loaded <see cref="TinyConvNet"/> as the encoder seam takes it: image-only (no text tower), every parameter
/// on the image path, its batch normalisation's running statistics among the weights a weight-space ensemble mixes.</summary>
public sealed class TinyConvNetEncoder(TinyConvNet network, TinyConvNetConfig config) : IImageEncoder
{
    public const string WeightsFileName = "weights.safetensors";

    public string Kind => TinyConvNetKind.KindName;

    public Device Device => network.parameters().First().device;

    public int EmbeddingDim => config.EmbeddingDim;

    public string Architecture => $"{config.Channels} channels, {config.EmbeddingDim}-dimensional features";

    public nn.Module Module => network;

    public Tensor Encode(Tensor pixels) => network.forward(pixels.to(Device));

    public IReadOnlyList<(string Name, Parameter Parameter)> TrainableParameters => [.. network.named_parameters()];

    public IReadOnlyList<(string Name, Tensor Weight)> ImageWeights =>
        [.. network.state_dict().Where(entry => entry.Value.is_floating_point()).Select(entry => (entry.Key, entry.Value))];

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        config.Save(folder);
        CheckpointWeights.Save(network, Path.Combine(folder, WeightsFileName));
    }

    public void Dispose() => network.Dispose();
}
