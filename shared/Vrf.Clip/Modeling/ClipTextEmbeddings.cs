using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>Token embedding plus the position embedding of positions 0..length-1: transformers' <c>CLIPTextEmbeddings</c>.</summary>
public sealed class ClipTextEmbeddings : Module<Tensor, Tensor>
{
    private readonly Embedding token_embedding;
    private readonly Embedding position_embedding;
    private readonly int maxPositions;

    public ClipTextEmbeddings(ClipTextConfig config, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipTextEmbeddings))
    {
        maxPositions = config.MaxPositionEmbeddings;
        token_embedding = Embedding(config.VocabSize, config.HiddenSize, device: device, dtype: dtype);
        position_embedding = Embedding(config.MaxPositionEmbeddings, config.HiddenSize, device: device, dtype: dtype);
        RegisterComponents();
    }

    /// <param name="inputIds">[batch, length] int64 token ids on the model's device.</param>
    /// <returns>[batch, length, hidden].</returns>
    public override Tensor forward(Tensor inputIds)
    {
        var length = inputIds.shape[^1];
        if (length > maxPositions)
        {
            throw new ArgumentException(
                $"Token sequences of length {length} exceed max_position_embeddings {maxPositions}.", nameof(inputIds));
        }
        using var scope = NewDisposeScope();
        var positions = position_embedding.weight!.narrow(0, 0, length);
        return (token_embedding.forward(inputIds) + positions).MoveToOuterDisposeScope();
    }
}
