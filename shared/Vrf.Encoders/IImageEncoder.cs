using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Vrf.Encoders;

/// <summary>
/// A loaded image encoder: pixels in, one feature vector per image out (before L2 normalisation; the heads normalise).
/// Its weights live in <see cref="Module"/>, whose parameter names are the encoder's own. An encoder that also has a
/// text tower implements <see cref="ZeroShot.ITextTower"/>. Inference is thread-safe under <c>no_grad</c>; dispose the
/// encoder to free its weights.
/// </summary>
public interface IImageEncoder : IDisposable
{
    /// <summary>The name of its <see cref="IEncoderKind"/>.</summary>
    string Kind { get; }

    /// <summary>The device the weights live on.</summary>
    Device Device { get; }

    /// <summary>D, the size of <see cref="Encode"/>'s features.</summary>
    int EmbeddingDim { get; }

    /// <summary>The image path's architecture in words. Two encoders whose descriptions are equal have the same
    /// <see cref="ImageWeights"/> names and shapes, so their weights can be mixed or exchanged; errors show it.</summary>
    string Architecture { get; }

    /// <summary>The module that holds every weight, to be registered as a submodule of a classifier being fine-tuned.</summary>
    nn.Module Module { get; }

    /// <summary>Image features [images, D] of pixels [images, channels, H, W] as its preprocessing makes them; in the
    /// current dispose scope, with gradients when they are enabled.</summary>
    Tensor Encode(Tensor pixels);

    /// <summary>The parameters of the image path, by their names in <see cref="Module"/>: what end-to-end fine-tuning
    /// trains. A text tower and other parts that images do not go through are left out.</summary>
    IReadOnlyList<(string Name, Parameter Parameter)> TrainableParameters { get; }

    /// <summary>Every floating-point tensor of the image path by name: the trainable parameters and any statistics
    /// (such as batch normalisation's running means) the image path computes with. Weight-space ensembles mix these.</summary>
    IReadOnlyList<(string Name, Tensor Weight)> ImageWeights { get; }

    /// <summary>Writes the encoder, with its current weights, as a folder its kind loads: a fine-tuned or interpolated
    /// encoder becomes a bundle's folder this way, with the configuration and companion files of the folder it was
    /// loaded from.</summary>
    void Save(string folder);
}
