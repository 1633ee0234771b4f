using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using Vrf.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>
/// The text tower: embeddings, a causally masked encoder (token i sees tokens 0..i), <c>final_layer_norm</c>, and
/// pooling at the end-of-text token (<see cref="EosPooling"/>). Padding needs no further mask: positions after the
/// pooled token never influence it.
/// </summary>
public sealed class ClipTextTransformer : Module<Tensor, ClipTextOutput>
{
    private readonly ClipTextEmbeddings embeddings;
    private readonly ClipEncoder encoder;
    private readonly LayerNorm final_layer_norm;
    private readonly long eosTokenId;

    public ClipTextTransformer(ClipTextConfig config, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipTextTransformer))
    {
        eosTokenId = config.EosTokenId;
        embeddings = new ClipTextEmbeddings(config, device, dtype);
        encoder = new ClipEncoder(ClipTowerShape.Of(config), device, dtype);
        final_layer_norm = LayerNorm(config.HiddenSize, config.LayerNormEps, device: device, dtype: dtype);
        RegisterComponents();
    }

    /// <param name="inputIds">[batch, length] token ids (any integer type, any device).</param>
    public override ClipTextOutput forward(Tensor inputIds)
    {
        if (inputIds.dim() != 2)
        {
            throw new ArgumentException(
                $"Token ids should be [batch, length] but are [{string.Join(", ", inputIds.shape)}].", nameof(inputIds));
        }
        using var scope = NewDisposeScope();
        var ids = inputIds.to(ScalarType.Int64, final_layer_norm.weight.device);
        var hiddenStates = embeddings.forward(ids);
        var lastHiddenState = final_layer_norm.forward(encoder.forward(hiddenStates, CausalMask(hiddenStates)));
        var eosIndex = EosPooling.Positions(ids, eosTokenId);
        var gatherIndex = eosIndex.view(-1, 1, 1).expand(-1, 1, lastHiddenState.shape[2]);
        var pooledOutput = lastHiddenState.gather(1, gatherIndex).squeeze(1);
        return new ClipTextOutput(
            lastHiddenState.MoveToOuterDisposeScope(),
            eosIndex.MoveToOuterDisposeScope(),
            pooledOutput.MoveToOuterDisposeScope());
    }

    /// <summary>[length, length]: 0 on and below the diagonal, -inf above, added to the attention scores.</summary>
    private static Tensor CausalMask(Tensor hiddenStates)
    {
        var length = hiddenStates.shape[1];
        return HeldScalar.With(double.NegativeInfinity, negativeInfinity =>
            full(length, length, negativeInfinity, dtype: hiddenStates.dtype, device: hiddenStates.device)).triu_(1);
    }
}
