using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using Vrf.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Clip.Modeling;

/// <summary>
/// Hugging Face's <c>CLIPModel</c> in TorchSharp. Parameter names are the checkpoint's (<c>text_model.*</c>,
/// <c>vision_model.*</c>, <c>visual_projection.weight</c>, <c>text_projection.weight</c>, <c>logit_scale</c>), so
/// loading a <c>model.safetensors</c> is a name match on <c>state_dict()</c>. Every method accepts inputs on any device
/// and moves them to the model's. Run inference under <c>torch.no_grad()</c> after <c>eval()</c>, inside a dispose scope.
/// </summary>
public sealed class ClipModel : Module<Tensor, Tensor, ClipOutput>
{
    private readonly ClipTextTransformer text_model;
    private readonly ClipVisionTransformer vision_model;
    private readonly Linear visual_projection;
    private readonly Linear text_projection;
    private readonly Parameter logit_scale;

    public ClipModel(ClipConfig config, Device? device = null, ScalarType? dtype = null) : base(nameof(ClipModel))
    {
        Config = config;
        text_model = new ClipTextTransformer(config.Text, device, dtype);
        vision_model = new ClipVisionTransformer(config.Vision, device, dtype);
        visual_projection = Linear(config.Vision.HiddenSize, config.ProjectionDim, hasBias: false, device, dtype);
        text_projection = Linear(config.Text.HiddenSize, config.ProjectionDim, hasBias: false, device, dtype);
        logit_scale = new Parameter(tensor(config.LogitScaleInitValue, dtype: dtype ?? ScalarType.Float32, device: device));
        RegisterComponents();
    }

    public ClipConfig Config { get; }

    /// <summary>The device the weights live on.</summary>
    public Device Device => logit_scale.device;

    /// <summary>The element type of the weights.</summary>
    public ScalarType DType => logit_scale.dtype;

    /// <summary>The loaded <c>logit_scale</c> weight (0-dimensional; owned by the model, do not dispose).</summary>
    public Parameter LogitScale => logit_scale;

    /// <summary>The vision embeddings before <c>pre_layrnorm</c>: [images, 1 + patches, vision hidden].</summary>
    public Tensor VisionEmbeddings(Tensor pixelValues) => vision_model.Embed(pixelValues);

    /// <summary>The vision tower's last hidden state and pooled output.</summary>
    public ClipVisionOutput EncodeImage(Tensor pixelValues) => vision_model.forward(pixelValues);

    /// <summary>The text tower's last hidden state, pooled positions and pooled output.</summary>
    public ClipTextOutput EncodeText(Tensor inputIds) => text_model.forward(inputIds);

    /// <summary>Image embeddings, projected and not normalised (transformers' <c>get_image_features</c>).</summary>
    /// <param name="pixelValues">[images, channels, image_size, image_size].</param>
    /// <returns>[images, projection_dim].</returns>
    public Tensor GetImageFeatures(Tensor pixelValues)
    {
        using var vision = EncodeImage(pixelValues);
        return visual_projection.forward(vision.PooledOutput);
    }

    /// <summary>Text embeddings, projected and not normalised (transformers' <c>get_text_features</c>).</summary>
    /// <param name="inputIds">[prompts, length] token ids, as CLIP's tokenizer gives them.</param>
    /// <returns>[prompts, projection_dim].</returns>
    public Tensor GetTextFeatures(Tensor inputIds)
    {
        using var text = EncodeText(inputIds);
        return text_projection.forward(text.PooledOutput);
    }

    /// <summary>Projects pooled vision outputs: [images, vision hidden] to [images, projection_dim].</summary>
    public Tensor ProjectImage(Tensor pooledOutput) => visual_projection.forward(pooledOutput);

    /// <summary>Projects pooled text outputs: [prompts, text hidden] to [prompts, projection_dim].</summary>
    public Tensor ProjectText(Tensor pooledOutput) => text_projection.forward(pooledOutput);

    /// <summary>exp(logit_scale) of the loaded weight (0-dimensional).</summary>
    public Tensor LogitScaleExp() => logit_scale.exp();

    /// <summary>CLIP's image-text logits: exp(logit_scale) times the cosine similarity of every image with every prompt.</summary>
    public override ClipOutput forward(Tensor pixelValues, Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        var imageEmbeds = L2Normalization.Normalize(GetImageFeatures(pixelValues));
        var textEmbeds = L2Normalization.Normalize(GetTextFeatures(inputIds));
        var logitsPerText = textEmbeds.matmul(imageEmbeds.t()) * logit_scale.exp();
        var logitsPerImage = logitsPerText.t();
        return new ClipOutput(
            logitsPerImage.MoveToOuterDisposeScope(),
            logitsPerText.MoveToOuterDisposeScope(),
            imageEmbeds.MoveToOuterDisposeScope(),
            textEmbeds.MoveToOuterDisposeScope());
    }
}
