using Vrf.Encoders;
using Vrf.Imaging;
using Vrf.Serving.Store;
using static TorchSharp.torch;

namespace Vrf.Serving.Inference;

/// <summary>
/// A model version loaded for inference: both image encoders and both heads, the image preprocessing (the zero-shot
/// folder's, shared by both encoders) and the manifest. Thread-safe for inference; dispose it to free the weights.
/// </summary>
public sealed class ServedModel : IDisposable
{
    private readonly BundleModels _models;

    private ServedModel(ModelBundle bundle, BundleModels models)
    {
        Bundle = bundle;
        _models = models;
    }

    public ModelBundle Bundle { get; }

    public ModelVersionId Id => Bundle.Id;

    public IReadOnlyList<string> ClassNames => Bundle.Manifest.ClassNames;

    /// <summary>How the version's images are decoded and preprocessed.</summary>
    public IImagePreprocessor Preprocessor => _models.Preprocessor;

    /// <summary>The device the weights live on.</summary>
    public Device Device => _models.FineTuned.Device;

    /// <summary>Loads the bundle's encoders (of the kind its manifest names) and heads onto <paramref name="device"/>
    /// (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
    /// <exception cref="InvalidDataException">The manifest names an encoder kind this build does not have.</exception>
    public static ServedModel Load(ModelBundle bundle, EncoderKinds kinds, string device = "cpu") =>
        new(bundle, BundleModels.Load(bundle, kinds, device));

    /// <summary>Reads and checks one encoded image's header, to decode it later (<see cref="ImageDecoder.Open"/>).</summary>
    /// <exception cref="ImageDecodeException">The bytes are not an image the decoder reads.</exception>
    public OpenedImage Open(ReadOnlySpan<byte> encoded, string imageSource) => Preprocessor.Decoder.Open(encoded, imageSource);

    /// <summary>Preprocesses one decoded image.</summary>
    public PreprocessedImage Preprocess(RgbImage image) => Preprocessor.Preprocess(image);

    /// <summary>Decodes and preprocesses one encoded image.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not an image the decoder reads.</exception>
    public PreprocessedImage Preprocess(ReadOnlySpan<byte> encoded, string imageSource) => Preprocessor.Preprocess(encoded, imageSource);

    /// <summary>Runs both models on preprocessed images of one size.</summary>
    public IReadOnlyList<ImageEmbedding> Embed(IReadOnlyList<PreprocessedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = NewDisposeScope();
        return Embed(PreprocessedImage.ToBatch(images, Device));
    }

    /// <summary>Runs both models on a pixel batch [images, channels, H, W]: logits of both heads and the fine-tuned feature per image.</summary>
    public IReadOnlyList<ImageEmbedding> Embed(Tensor pixelValues)
    {
        ArgumentNullException.ThrowIfNull(pixelValues);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var zeroShotLogits = _models.ZeroShotHead.Logits(_models.ZeroShot.Encode(pixelValues));
        var fineTunedFeatures = _models.FineTuned.Encode(pixelValues);
        var fineTunedLogits = _models.FineTunedHead.Logits(fineTunedFeatures);
        var zeroShot = FloatRows.Of(zeroShotLogits);
        var fineTuned = FloatRows.Of(fineTunedLogits);
        var features = FloatRows.Of(fineTunedFeatures);
        return [.. Enumerable.Range(0, features.Length).Select(i => new ImageEmbedding(zeroShot[i], fineTuned[i], features[i]))];
    }

    public void Dispose() => _models.Dispose();
}
