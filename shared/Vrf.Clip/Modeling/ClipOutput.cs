using static TorchSharp.torch;

namespace Vrf.Clip.Modeling;

/// <summary>What transformers' <c>CLIPModel.forward</c> returns (its <c>CLIPOutput</c>), for a batch of images and prompts.</summary>
/// <param name="LogitsPerImage">[images, prompts]: exp(logit_scale) times the cosine similarities.</param>
/// <param name="LogitsPerText">[prompts, images]: the transpose.</param>
/// <param name="ImageEmbeds">[images, projection_dim], L2-normalised (as in <c>CLIPOutput.image_embeds</c>).</param>
/// <param name="TextEmbeds">[prompts, projection_dim], L2-normalised.</param>
public sealed record ClipOutput(Tensor LogitsPerImage, Tensor LogitsPerText, Tensor ImageEmbeds, Tensor TextEmbeds)
    : IDisposable
{
    public void Dispose()
    {
        LogitsPerImage.Dispose();
        LogitsPerText.Dispose();
        ImageEmbeds.Dispose();
        TextEmbeds.Dispose();
    }
}
