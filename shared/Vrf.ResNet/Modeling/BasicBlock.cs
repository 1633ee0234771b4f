using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.ResNet.Modeling;

/// <summary>
/// ResNet's basic block: two 3x3 convolutions with batch norm, added to the shortcut, then ReLU. A block that halves
/// the size or changes the width takes a 1x1 stride-2 projection shortcut (<c>downsample.0</c> conv,
/// <c>downsample.1</c> batch norm); the stride-2 3x3 convolution pads as CNTK does (<see cref="ConvPadding.StrideTwo"/>).
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly PaddedConv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly PaddedConv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    public BasicBlock(long inChannels, long outChannels, long stride, double batchNormEps, Device? device = null)
        : base(nameof(BasicBlock))
    {
        var padding = stride == 1 ? ConvPadding.Same : ConvPadding.StrideTwo;
        conv1 = new PaddedConv2d(inChannels, outChannels, 3, stride, padding, device);
        bn1 = BatchNorm2d(outChannels, batchNormEps, device: device);
        conv2 = new PaddedConv2d(outChannels, outChannels, 3, 1, ConvPadding.Same, device);
        bn2 = BatchNorm2d(outChannels, batchNormEps, device: device);
        if (stride != 1 || inChannels != outChannels)
        {
            downsample = Sequential(
                new PaddedConv2d(inChannels, outChannels, 1, stride, ConvPadding.None, device),
                BatchNorm2d(outChannels, batchNormEps, device: device));
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = bn2.forward(conv2.forward(functional.relu(bn1.forward(conv1.forward(input)))));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return functional.relu(main.add_(shortcut)).MoveToOuterDisposeScope();
    }
}
