using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.ResNet.Modeling;

/// <summary>
/// The ImageNet ResNet of ML.NET's CNTK export rebuilt in TorchSharp, without a classifier: images [N, 3, H, W]
/// (BGR, 0..255 minus the mean, see <see cref="Preprocessing.ResNetImageProcessor"/>) to globally average-pooled
/// features [N, <see cref="ResNetConfig.FeatureDim"/>]. H and W must be multiples of 32.
/// </summary>
/// <remarks>
/// Parameter names are torchvision's: <c>conv1.weight</c>, <c>bn1.*</c>, <c>layer{1..4}.{block}.conv{1,2}.weight</c>,
/// <c>layer{s}.{block}.bn{1,2}.*</c>, <c>layer{s}.0.downsample.{0,1}.*</c> for the projection shortcuts. Batch-norm
/// buffers are <c>running_mean</c>, <c>running_var</c> and <c>num_batches_tracked</c>. In training mode batch norm
/// normalises with the batch's statistics and updates the running ones (momentum 0.1, PyTorch's default) unless
/// <see cref="FreezeBatchNormStatistics"/> keeps every batch-norm layer in evaluation mode; call <c>eval()</c> for
/// inference.
/// </remarks>
public sealed class ResNetModel : Module<Tensor, Tensor>
{
    private const long PoolKernel = 3;
    private const long PoolStride = 2;

    private readonly PaddedConv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;

    public ResNetModel(ResNetConfig config, Device? device = null) : base(nameof(ResNetModel))
    {
        config.Validate("the model's configuration");
        if (config.StageBlocks.Count != 4)
        {
            throw new ArgumentException($"This ResNet has 4 stages; the configuration names {config.StageBlocks.Count}.", nameof(config));
        }
        Config = config;
        conv1 = new PaddedConv2d(3, config.StemWidth, 7, 2, ConvPadding.Stem, device);
        bn1 = BatchNorm2d(config.StemWidth, config.BatchNormEps, device: device);
        var width = (long)config.StemWidth;
        var stages = new Sequential[4];
        for (var stage = 0; stage < stages.Length; stage++)
        {
            var blocks = new List<BasicBlock>();
            for (var block = 0; block < config.StageBlocks[stage]; block++)
            {
                var stride = stage > 0 && block == 0 ? 2 : 1;
                blocks.Add(new BasicBlock(width, config.StageWidths[stage], stride, config.BatchNormEps, device));
                width = config.StageWidths[stage];
            }
            stages[stage] = Sequential(blocks);
        }
        (layer1, layer2, layer3, layer4) = (stages[0], stages[1], stages[2], stages[3]);
        RegisterComponents();
    }

    public ResNetConfig Config { get; }

    /// <summary>The device the weights live on.</summary>
    public Device Device => bn1.running_mean!.device;

    /// <summary>
    /// When set, <c>train()</c> leaves every batch-norm layer in evaluation mode: it normalises with the loaded
    /// running statistics and never changes them (its weight and bias still train). Use it for batches too small for
    /// reliable statistics. Off by default: fine-tuning adapts the statistics to the new images.
    /// </summary>
    public bool FreezeBatchNormStatistics { get; set; }

    public override void train(bool on = true)
    {
        base.train(on);
        if (on && FreezeBatchNormStatistics)
        {
            foreach (var module in modules().OfType<BatchNorm2d>())
            {
                module.eval();
            }
        }
    }

    /// <param name="input">[N, 3, H, W], H and W multiples of 32, on any device.</param>
    /// <returns>[N, FeatureDim].</returns>
    public override Tensor forward(Tensor input)
    {
        if (input.dim() != 4 || input.shape[1] != 3)
        {
            throw new ArgumentException($"The ResNet takes images [N, 3, H, W], not [{string.Join(", ", input.shape)}].", nameof(input));
        }
        ResNetInputSize.Check(input.shape[2], "image height");
        ResNetInputSize.Check(input.shape[3], "image width");
        using var scope = NewDisposeScope();
        var stem = functional.relu(bn1.forward(conv1.forward(input.to(Device))));
        var padded = functional.pad(stem, ConvPadding.StrideTwo.TorchOrder, value: double.NegativeInfinity);
        var x = functional.max_pool2d(padded, [PoolKernel, PoolKernel], [PoolStride, PoolStride]);
        x = layer4.forward(layer3.forward(layer2.forward(layer1.forward(x))));
        return x.mean([2, 3]).MoveToOuterDisposeScope();
    }
}
