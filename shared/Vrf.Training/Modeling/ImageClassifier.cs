using TorchSharp.Modules;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Tensors;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Vrf.Training.Modeling;

/// <summary>
/// The classifier being fine-tuned, WiSE-FT's <c>ImageClassifier</c>: an image encoder, L2-normalised features, and a
/// linear head initialised from the zero-shot head (its scaled weights, bias 0). Parameter names are the encoder's
/// own under its kind's name (<c>clip.vision_model.*</c>, …) and <c>head.weight</c>, <c>head.bias</c>. Only the
/// encoder's <see cref="IImageEncoder.TrainableParameters"/> and the head are ever trained (never a text tower). Owns
/// the encoder: disposing the classifier frees it.
/// </summary>
internal sealed class ImageClassifier : Module<Tensor, Tensor>
{
    private const string HeadName = "head";

    private readonly IImageEncoder _encoder;
    private readonly Linear _head;
    private readonly HashSet<string> _encoderTrainable;
    private readonly IReadOnlyList<string> _encoderStatistics;

    public ImageClassifier(IImageEncoder encoder, ZeroShotHead zeroShotHead) : base(nameof(ImageClassifier))
    {
        _encoder = encoder;
        _head = Linear(zeroShotHead.EmbeddingDim, zeroShotHead.ClassCount, hasBias: true, encoder.Device);
        using (no_grad())
        {
            _head.weight!.copy_(zeroShotHead.Weights);
            _head.bias!.zero_();
        }
        LogitScale = zeroShotHead.LogitScale.detach().clone().DetachFromDisposeScope();
        register_module(encoder.Kind, encoder.Module);
        register_module(HeadName, _head);
        _encoderTrainable = [.. encoder.TrainableParameters.Select(p => $"{encoder.Kind}.{p.Name}")];
        _encoderStatistics = [.. encoder.ImageWeights.Select(w => $"{encoder.Kind}.{w.Name}").Where(name => !_encoderTrainable.Contains(name))];
        foreach (var parameter in parameters())
        {
            parameter.requires_grad = false;
        }
    }

    public IImageEncoder Encoder => _encoder;

    public Device Device => _encoder.Device;

    public Parameter HeadWeight => _head.weight!;

    public Parameter HeadBias => _head.bias!;

    /// <summary>The zero-shot head's logit scale, which the trained head keeps (0-dimensional).</summary>
    public Tensor LogitScale { get; }

    /// <summary>Logits [images, classes] of pixels [images, channels, H, W].</summary>
    public override Tensor forward(Tensor pixelValues) => Classify(Features(pixelValues));

    /// <summary>The encoder's L2-normalised features [images, D].</summary>
    public Tensor Features(Tensor pixelValues) => L2Normalization.Normalize(_encoder.Encode(pixelValues));

    /// <summary>The head applied to normalised features.</summary>
    public Tensor Classify(Tensor normalizedFeatures) => _head.forward(normalizedFeatures);

    /// <summary>The trained head as a head file holds it, with the zero-shot head's logit scale.</summary>
    public ZeroShotHead TrainedHead() => ZeroShotHead.FromLinear(HeadWeight, HeadBias, LogitScale);

    /// <summary>The parameters a stage trains, by name: the head's, and the encoder's trainable ones when
    /// <paramref name="withEncoder"/>. Exactly these require gradients afterwards, and the classifier is in training
    /// mode while the encoder trains (batch normalisation then normalises with each batch and updates its statistics),
    /// in evaluation mode otherwise.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> Train(bool withEncoder)
    {
        train(withEncoder);
        var trained = Trainable(withEncoder);
        var names = trained.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, parameter) in named_parameters())
        {
            parameter.requires_grad = names.Contains(name);
        }
        return trained;
    }

    /// <summary>The encoder's statistics (its weights that are not parameters: batch normalisation's running means and
    /// variances), by name; training mode changes them, so checkpoints keep them with the trained parameters.</summary>
    public IReadOnlyList<(string Name, Tensor Statistic)> Statistics()
    {
        var buffers = named_buffers().ToDictionary(b => b.name, b => b.buffer, StringComparer.Ordinal);
        return [.. _encoderStatistics.Select(name => (name, buffers[name]))];
    }

    /// <summary>The parameters of the head and, when <paramref name="withEncoder"/>, the encoder's trainable ones, by name.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> Trainable(bool withEncoder) =>
        [.. named_parameters().Where(p => p.name.StartsWith(HeadName + ".", StringComparison.Ordinal)
                                          || (withEncoder && _encoderTrainable.Contains(p.name)))];

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _encoder.Dispose();
            LogitScale.Dispose();
        }
        base.Dispose(disposing);
    }
}
