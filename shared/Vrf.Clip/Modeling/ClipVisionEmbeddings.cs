using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>
/// Patch embedding (a stride-<c>patch_size</c> convolution, patches in row-major grid order) with the class token in
/// front and a learned position embedding added: transformers' <c>CLIPVisionEmbeddings</c>.
/// </summary>
public sealed class ClipVisionEmbeddings : Module<Tensor, Tensor>
{
    private readonly Parameter class_embedding;
    private readonly Conv2d patch_embedding;
    private readonly Embedding position_embedding;
    private readonly ClipVisionConfig config;

    public ClipVisionEmbeddings(ClipVisionConfig config, Device? device = null, ScalarType? dtype = null)
        : base(nameof(ClipVisionEmbeddings))
    {
        this.config = config;
        class_embedding = new Parameter(randn(config.HiddenSize, dtype: dtype, device: device));
        patch_embedding = Conv2d(config.NumChannels, config.HiddenSize, kernel_size: config.PatchSize,
            stride: config.PatchSize, bias: false, device: device, dtype: dtype);
        position_embedding = Embedding(config.NumPositions, config.HiddenSize, device: device, dtype: dtype);
        RegisterComponents();
    }

    /// <param name="pixelValues">[batch, channels, image_size, image_size], normalised as CLIP's image processor does.</param>
    /// <returns>[batch, 1 + patches, hidden].</returns>
    public override Tensor forward(Tensor pixelValues)
    {
        CheckShape(pixelValues);
        using var scope = NewDisposeScope();
        var weight = patch_embedding.weight;
        var pixels = pixelValues.to(weight.dtype, weight.device);
        var patches = patch_embedding.forward(pixels).flatten(2).transpose(1, 2);
        var classToken = class_embedding.expand(pixels.shape[0], 1, -1);
        var embeddings = cat([classToken, patches], 1) + position_embedding.weight!;
        return embeddings.MoveToOuterDisposeScope();
    }

    private void CheckShape(Tensor pixelValues)
    {
        var shape = pixelValues.shape;
        if (shape.Length != 4 || shape[1] != config.NumChannels || shape[2] != config.ImageSize || shape[3] != config.ImageSize)
        {
            throw new ArgumentException(
                $"Pixel values should be [batch, {config.NumChannels}, {config.ImageSize}, {config.ImageSize}] " +
                $"but are [{string.Join(", ", shape)}].", nameof(pixelValues));
        }
    }
}
