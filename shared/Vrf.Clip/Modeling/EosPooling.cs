using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Modeling;

/// <summary>
/// Where transformers' <c>CLIPTextTransformer</c> pools each token row. Configurations from before transformers PR
/// #24773 carry <c>eos_token_id</c> 2; for those, and whenever every row's largest id is CLIP's end-of-text id 49407,
/// the pooled position is the (first) largest id. Otherwise it is the first position equal to
/// <c>eos_token_id</c>. With CLIP's tokenizer both rules give the first end-of-text token.
/// </summary>
public static class EosPooling
{
    public const long LegacyEosTokenId = 2;
    public const long EndOfTextTokenId = 49407;

    /// <param name="inputIds">[batch, length] int64.</param>
    /// <param name="eosTokenId">The configuration's <c>eos_token_id</c>.</param>
    /// <returns>[batch] int64 positions.</returns>
    public static Tensor Positions(Tensor inputIds, long eosTokenId)
    {
        using var scope = NewDisposeScope();
        var byLargestId = eosTokenId == LegacyEosTokenId
            || HeldScalar.With(EndOfTextTokenId, inputIds.max(-1).values.eq).all().item<bool>();
        var positions = byLargestId
            ? inputIds.argmax(-1)
            : HeldScalar.With(eosTokenId, inputIds.eq).to(ScalarType.Int32).argmax(-1);
        return positions.MoveToOuterDisposeScope();
    }
}
