using TorchSharp.Modules;
using Vrf.Clip.Modeling;
using Vrf.Clip.ZeroShot;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Training.Modeling;

/// <summary>
/// The classifier being fine-tuned, WiSE-FT's <c>ImageClassifier</c>: CLIP's image tower (<c>vision_model</c> and
/// <c>visual_projection</c>), L2-normalised features, and a linear head initialised from the zero-shot head (its scaled
/// weights, bias 0). Parameter names are <c>clip.*</c> and <c>head.weight</c>, <c>head.bias</c>. The text tower and
/// <c>logit_scale</c> are never trained. Owns the CLIP model: disposing the classifier frees it (a module disposes its
/// registered submodules).
/// </summary>
internal sealed class ImageClassifier : Module<Tensor, Tensor>
{
    private const string ClipPrefix = "clip.";
    private static readonly string[] EncoderPrefixes = ["clip.vision_model.", "clip.visual_projection."];

    private readonly ClipModel clip;
    private readonly Linear head;

    public ImageClassifier(ClipModel clip, ZeroShotHead zeroShotHead) : base(nameof(ImageClassifier))
    {
        this.clip = clip;
        head = Linear(zeroShotHead.EmbeddingDim, zeroShotHead.ClassCount, hasBias: true, clip.Device, clip.DType);
        using (no_grad())
        {
            head.weight!.copy_(zeroShotHead.Weights);
            head.bias!.zero_();
        }
        RegisterComponents();
        foreach (var parameter in parameters())
        {
            parameter.requires_grad = false;
        }
    }

    public ClipModel Clip => clip;

    public Parameter HeadWeight => head.weight!;

    public Parameter HeadBias => head.bias!;

    /// <summary>Logits [images, classes] of pixels [images, 3, H, W].</summary>
    public override Tensor forward(Tensor pixelValues) => Classify(Features(pixelValues));

    /// <summary>The image tower's L2-normalised features [images, projection_dim].</summary>
    public Tensor Features(Tensor pixelValues) => L2Normalization.Normalize(clip.GetImageFeatures(pixelValues));

    /// <summary>The head applied to normalised features.</summary>
    public Tensor Classify(Tensor normalizedFeatures) => head.forward(normalizedFeatures);

    /// <summary>The parameters a stage trains, by name: the head's, and the image tower's when <paramref name="withEncoder"/>.
    /// Exactly these require gradients afterwards.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> Train(bool withEncoder)
    {
        var trained = Trainable(withEncoder);
        var names = trained.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, parameter) in named_parameters())
        {
            parameter.requires_grad = names.Contains(name);
        }
        return trained;
    }

    /// <summary>The parameters of the head and, when <paramref name="withEncoder"/>, of the image tower, by name.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> Trainable(bool withEncoder) =>
        [.. named_parameters().Where(p => !p.name.StartsWith(ClipPrefix, StringComparison.Ordinal)
                                          || (withEncoder && EncoderPrefixes.Any(prefix => p.name.StartsWith(prefix, StringComparison.Ordinal))))];
}
