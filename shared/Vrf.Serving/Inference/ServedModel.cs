using Vrf.Clip;
using Vrf.Clip.Devices;
using Vrf.Clip.Modeling;
using Vrf.Clip.Preprocessing;
using Vrf.Clip.ZeroShot;
using Vrf.Serving.Store;
using static TorchSharp.torch;

namespace Vrf.Serving.Inference;

/// <summary>
/// A model version loaded for inference: both CLIP image towers, both heads, the image preprocessing (the zero-shot
/// folder's <c>preprocessor_config.json</c>, shared by both towers) and the manifest. Thread-safe for inference;
/// dispose it to free the weights.
/// </summary>
public sealed class ServedModel : IDisposable
{
    private readonly ClipModel _zeroShot;
    private readonly ClipModel _fineTuned;
    private readonly ZeroShotHead _zeroShotHead;
    private readonly ZeroShotHead _fineTunedHead;

    private ServedModel(ModelBundle bundle, ClipModel zeroShot, ClipModel fineTuned, ZeroShotHead zeroShotHead,
        ZeroShotHead fineTunedHead, ClipImageProcessor imageProcessor)
    {
        Bundle = bundle;
        _zeroShot = zeroShot;
        _fineTuned = fineTuned;
        _zeroShotHead = zeroShotHead;
        _fineTunedHead = fineTunedHead;
        ImageProcessor = imageProcessor;
    }

    public ModelBundle Bundle { get; }

    public ModelVersionId Id => Bundle.Id;

    public IReadOnlyList<string> ClassNames => Bundle.Manifest.ClassNames;

    public ClipImageProcessor ImageProcessor { get; }

    /// <summary>The device the weights live on.</summary>
    public Device Device => _fineTuned.Device;

    /// <summary>Loads the bundle's models and heads onto <paramref name="device"/> (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>).</summary>
    public static ServedModel Load(ModelBundle bundle, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var target = InferenceDevice.Parse(device);
        var options = new ClipLoadOptions { Device = device };
        var processor = ClipImageProcessor.FromFolder(bundle.ZeroShotModelFolder);
        using var load = new PartialLoad();
        var zeroShot = load.Keep(ClipModelFolder.Load(bundle.ZeroShotModelFolder, options));
        var fineTuned = load.Keep(ClipModelFolder.Load(bundle.FineTunedModelFolder, options));
        var zeroShotHead = load.Keep(ZeroShotHead.Load(bundle.ZeroShotHeadPath, target));
        var fineTunedHead = load.Keep(ZeroShotHead.Load(bundle.FineTunedHeadPath, target));
        load.Complete();
        return new ServedModel(bundle, zeroShot, fineTuned, zeroShotHead, fineTunedHead, processor);
    }

    /// <summary>Decodes and preprocesses one encoded image.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not an image the decoder reads.</exception>
    public PreprocessedImage Preprocess(ReadOnlySpan<byte> encoded, string imageSource) =>
        ImageProcessor.Preprocess(encoded, imageSource);

    /// <summary>Runs both models on preprocessed images of one size.</summary>
    public IReadOnlyList<ImageEmbedding> Embed(IReadOnlyList<PreprocessedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var scope = NewDisposeScope();
        return Embed(ClipImageProcessor.ToBatch(images, Device));
    }

    /// <summary>Runs both models on a pixel batch [images, 3, H, W]: logits of both heads and the fine-tuned feature per image.</summary>
    public IReadOnlyList<ImageEmbedding> Embed(Tensor pixelValues)
    {
        ArgumentNullException.ThrowIfNull(pixelValues);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var zeroShotLogits = _zeroShotHead.Logits(_zeroShot.GetImageFeatures(pixelValues));
        var fineTunedFeatures = _fineTuned.GetImageFeatures(pixelValues);
        var fineTunedLogits = _fineTunedHead.Logits(fineTunedFeatures);
        var zeroShot = FloatRows.Of(zeroShotLogits);
        var fineTuned = FloatRows.Of(fineTunedLogits);
        var features = FloatRows.Of(fineTunedFeatures);
        return [.. Enumerable.Range(0, features.Length).Select(i => new ImageEmbedding(zeroShot[i], fineTuned[i], features[i]))];
    }

    public void Dispose()
    {
        _zeroShot.Dispose();
        _fineTuned.Dispose();
        _zeroShotHead.Dispose();
        _fineTunedHead.Dispose();
    }
}
