using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>
/// A pre-norm transformer layer: <c>x + self_attn(layer_norm1(x))</c>, then <c>x + mlp(layer_norm2(x))</c>.
/// </summary>
public sealed class ClipEncoderLayer : Module<Tensor, Tensor?, Tensor>
{
    private readonly ClipAttention self_attn;
    private readonly LayerNorm layer_norm1;
    private readonly ClipMlp mlp;
    private readonly LayerNorm layer_norm2;

    public ClipEncoderLayer(ClipTowerShape shape, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipEncoderLayer))
    {
        self_attn = new ClipAttention(shape.HiddenSize, shape.HeadCount, device, dtype);
        layer_norm1 = LayerNorm(shape.HiddenSize, shape.LayerNormEps, device: device, dtype: dtype);
        mlp = new ClipMlp(shape.HiddenSize, shape.IntermediateSize, shape.HiddenAct, device, dtype);
        layer_norm2 = LayerNorm(shape.HiddenSize, shape.LayerNormEps, device: device, dtype: dtype);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates, Tensor? additiveMask)
    {
        using var scope = NewDisposeScope();
        var attended = hiddenStates + self_attn.forward(layer_norm1.forward(hiddenStates), additiveMask);
        var result = attended + mlp.forward(layer_norm2.forward(attended));
        return result.MoveToOuterDisposeScope();
    }
}
