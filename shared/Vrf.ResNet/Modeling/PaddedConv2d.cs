using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.ResNet.Modeling;

/// <summary>
/// A square convolution without bias whose zero padding may differ per side (<see cref="ConvPadding"/>). Its only
/// parameter is <c>weight</c> [out, in, k, k], so a model built from these keeps torchvision's names
/// (<c>conv1.weight</c>).
/// </summary>
public sealed class PaddedConv2d : Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    public PaddedConv2d(long inChannels, long outChannels, long kernelSize, long stride, ConvPadding padding, Device? device = null)
        : base(nameof(PaddedConv2d))
    {
        Stride = stride;
        Padding = padding;
        weight = new Parameter(empty([outChannels, inChannels, kernelSize, kernelSize], device: device));
        using (no_grad())
        {
            init.kaiming_normal_(weight, mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU);
        }
        RegisterComponents();
    }

    public long Stride { get; }

    public ConvPadding Padding { get; }

    public override Tensor forward(Tensor input)
    {
        if (Padding.IsSymmetric)
        {
            return functional.conv2d(input, weight, strides: [Stride, Stride], padding: [Padding.Top, Padding.Left]);
        }
        using var padded = functional.pad(input, Padding.TorchOrder);
        return functional.conv2d(padded, weight, strides: [Stride, Stride]);
    }
}
