using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>A small convolutional image encoder: two strided convolutions (the first batch-normalised), a global mean
/// and a linear projection to the feature size. Parameter names are its fields'.</summary>
public sealed class TinyConvNet : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm1;
    private readonly Conv2d conv2;
    private readonly Linear projection;

    public TinyConvNet(TinyConvNetConfig config) : base(nameof(TinyConvNet))
    {
        conv1 = Conv2d(3, config.Channels, 3, stride: 2, padding: 1);
        norm1 = BatchNorm2d(config.Channels);
        conv2 = Conv2d(config.Channels, 2 * config.Channels, 3, stride: 2, padding: 1);
        projection = Linear(2 * config.Channels, config.EmbeddingDim);
        RegisterComponents();
    }

    /// <summary>Features [images, D] of pixels [images, 3, H, W].</summary>
    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var hidden = functional.relu(norm1.forward(conv1.forward(pixels)));
        hidden = functional.relu(conv2.forward(hidden));
        return projection.forward(hidden.mean([2, 3])).MoveToOuterDisposeScope();
    }
}
