using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>
/// Multi-head self-attention as in transformers' <c>CLIPAttention</c>: heads are consecutive slices of
/// <c>head_dim</c> features, scores are scaled by 1/sqrt(head_dim) and the optional additive mask is added before
/// the softmax.
/// </summary>
public sealed class ClipAttention : Module<Tensor, Tensor?, Tensor>
{
    private readonly Linear k_proj;
    private readonly Linear v_proj;
    private readonly Linear q_proj;
    private readonly Linear out_proj;
    private readonly long headCount;
    private readonly long headDim;

    public ClipAttention(int hiddenSize, int headCount, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipAttention))
    {
        this.headCount = headCount;
        headDim = hiddenSize / headCount;
        k_proj = Linear(hiddenSize, hiddenSize, hasBias: true, device, dtype);
        v_proj = Linear(hiddenSize, hiddenSize, hasBias: true, device, dtype);
        q_proj = Linear(hiddenSize, hiddenSize, hasBias: true, device, dtype);
        out_proj = Linear(hiddenSize, hiddenSize, hasBias: true, device, dtype);
        RegisterComponents();
    }

    /// <param name="hiddenStates">[batch, length, hidden].</param>
    /// <param name="additiveMask">[length, length] added to the scores (0 or -inf), or null for full attention.</param>
    public override Tensor forward(Tensor hiddenStates, Tensor? additiveMask)
    {
        using var scope = NewDisposeScope();
        var batch = hiddenStates.shape[0];
        var length = hiddenStates.shape[1];
        var queries = SplitHeads(q_proj.forward(hiddenStates), batch, length);
        var keys = SplitHeads(k_proj.forward(hiddenStates), batch, length);
        var values = SplitHeads(v_proj.forward(hiddenStates), batch, length);
        var attended = functional.scaled_dot_product_attention(queries, keys, values, additiveMask);
        var merged = attended.transpose(1, 2).reshape(batch, length, headCount * headDim);
        return out_proj.forward(merged).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor projected, long batch, long length) =>
        projected.view(batch, length, headCount, headDim).transpose(1, 2);
}
