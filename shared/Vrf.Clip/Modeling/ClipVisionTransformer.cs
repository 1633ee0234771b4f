using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>The image tower: embeddings, <c>pre_layrnorm</c> (sic), encoder, <c>post_layernorm</c> on the class token.</summary>
public sealed class ClipVisionTransformer : Module<Tensor, ClipVisionOutput>
{
    private readonly ClipVisionEmbeddings embeddings;
    private readonly LayerNorm pre_layrnorm;
    private readonly ClipEncoder encoder;
    private readonly LayerNorm post_layernorm;

    public ClipVisionTransformer(ClipVisionConfig config, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipVisionTransformer))
    {
        embeddings = new ClipVisionEmbeddings(config, device, dtype);
        pre_layrnorm = LayerNorm(config.HiddenSize, config.LayerNormEps, device: device, dtype: dtype);
        encoder = new ClipEncoder(ClipTowerShape.Of(config), device, dtype);
        post_layernorm = LayerNorm(config.HiddenSize, config.LayerNormEps, device: device, dtype: dtype);
        RegisterComponents();
    }

    /// <summary>The embeddings before <c>pre_layrnorm</c>: [batch, 1 + patches, hidden].</summary>
    public Tensor Embed(Tensor pixelValues) => embeddings.forward(pixelValues);

    public override ClipVisionOutput forward(Tensor pixelValues)
    {
        using var scope = NewDisposeScope();
        var hiddenStates = pre_layrnorm.forward(embeddings.forward(pixelValues));
        var lastHiddenState = encoder.forward(hiddenStates, null);
        var pooledOutput = post_layernorm.forward(lastHiddenState.select(1, 0));
        return new ClipVisionOutput(lastHiddenState.MoveToOuterDisposeScope(), pooledOutput.MoveToOuterDisposeScope());
    }
}
