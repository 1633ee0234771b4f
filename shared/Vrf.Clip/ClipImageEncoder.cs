using TorchSharp.Modules;
using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using Vrf.Clip.Tokenization;
using Vrf.Clip.ZeroShot;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using static TorchSharp.torch;

namespace Vrf.Clip;

/// <summary>
/// A loaded CLIP model as the encoder seam takes it: the image tower (<c>vision_model.*</c> and
/// <c>visual_projection</c>) encodes, the text tower and tokenizer of the folder it was loaded from build prompt heads.
/// Saving writes the whole model (text tower and <c>logit_scale</c> included) with the folder's other files.
/// </summary>
public sealed class ClipImageEncoder : IImageEncoder, ITextTower
{
    private static readonly string[] ImageTowerPrefixes = ["vision_model.", "visual_projection."];

    private readonly ClipModel _model;
    private readonly string _folder;

    /// <param name="folder">The folder the model was loaded from: its tokenizer, preprocessing and other files.</param>
    public ClipImageEncoder(ClipModel model, string folder)
    {
        _model = model;
        _folder = folder;
    }

    public string Kind => ClipEncoderKind.KindName;

    public Device Device => _model.Device;

    public int EmbeddingDim => _model.Config.ProjectionDim;

    public string Architecture
    {
        get
        {
            var vision = _model.Config.Vision;
            return $"{vision.NumHiddenLayers} layers of width {vision.HiddenSize} (MLP {vision.IntermediateSize}, {vision.NumAttentionHeads} heads), " +
                   $"{vision.PatchSize}-pixel patches of {vision.ImageSize}-pixel {vision.NumChannels}-channel images, {vision.HiddenAct}, " +
                   $"layer-norm ε {vision.LayerNormEps:R}, projected to {_model.Config.ProjectionDim}";
        }
    }

    public nn.Module Module => _model;

    public Tensor Encode(Tensor pixels) => _model.GetImageFeatures(pixels);

    public IReadOnlyList<(string Name, Parameter Parameter)> TrainableParameters =>
        [.. _model.named_parameters().Where(p => ImageTowerPrefixes.Any(prefix => p.name.StartsWith(prefix, StringComparison.Ordinal)))];

    public IReadOnlyList<(string Name, Tensor Weight)> ImageWeights => [.. TrainableParameters.Select(p => (p.Name, (Tensor)p.Parameter))];

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            var name = Path.GetFileName(file);
            if (name is not (ClipConfig.FileName or ClipModelFolder.WeightsFileName))
            {
                File.Copy(file, Path.Combine(folder, name));
            }
        }
        ClipModelFolder.Save(_model, folder);
    }

    public ZeroShotHead PromptHead(IReadOnlyList<string> classNames, IReadOnlyList<string> templates, Action<string>? truncatedPrompt = null)
    {
        var tokenizer = ClipTokenizer.FromFolder(_folder);
        var prompts = PromptTemplates.Prompts(classNames, templates);
        var tokens = tokenizer.Encode(prompts);
        foreach (var row in tokens.TruncatedRows)
        {
            truncatedPrompt?.Invoke(prompts[row]);
        }
        using var scope = NewDisposeScope();
        return ClipPromptHead.FromPromptTokenIds(_model, tokens.InputIdsTensor(Device), classNames.Count, templates.Count);
    }

    public void Dispose() => _model.Dispose();
}
