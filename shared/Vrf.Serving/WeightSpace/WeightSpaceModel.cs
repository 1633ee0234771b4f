using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using static TorchSharp.torch;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// A version's zero-shot and fine-tuned encoders and heads loaded as the served model loads them, and a third encoder
/// and head that hold their interpolation at the α last set with <see cref="Interpolate"/>. Images are preprocessed as
/// the served model does it (the zero-shot folder's preprocessing). Not thread-safe; dispose it to free the weights.
/// </summary>
public sealed class WeightSpaceModel : IDisposable
{
    private readonly BundleModels _models;
    private readonly IImageEncoder _interpolated;
    private ZeroShotHead? _head;

    private WeightSpaceModel(BundleModels models, IImageEncoder interpolated)
    {
        _models = models;
        _interpolated = interpolated;
    }

    public IImagePreprocessor Preprocessor => _models.Preprocessor;

    /// <summary>The α of the interpolated encoder and head; null until <see cref="Interpolate"/> is called.</summary>
    public double? Alpha { get; private set; }

    /// <summary>The interpolated encoder, at <see cref="Alpha"/>.</summary>
    public IImageEncoder Encoder
    {
        get
        {
            RequireHead();
            return _interpolated;
        }
    }

    /// <summary>The interpolated head, at <see cref="Alpha"/>.</summary>
    public ZeroShotHead Head => RequireHead();

    /// <summary>Loads the bundle's encoders and heads onto <paramref name="device"/>; the interpolated encoder starts as a
    /// copy of the zero-shot one.</summary>
    /// <exception cref="WeightSpaceException">The encoders or heads differ in shape.</exception>
    public static WeightSpaceModel Load(ModelBundle bundle, EncoderKinds kinds, string device = "cpu")
    {
        using var load = new PartialLoad();
        var models = load.Keep(BundleModels.Load(bundle, kinds, device));
        WeightInterpolation.RequireSameImageTower(models.ZeroShot, models.FineTuned);
        var interpolated = load.Keep(models.Kind.Load(bundle.ZeroShotModelFolder, device));
        load.Complete();
        return new WeightSpaceModel(models, interpolated);
    }

    /// <summary>Sets the interpolated encoder and head to (1 − α)·zero-shot + α·fine-tuned.</summary>
    public void Interpolate(double alpha)
    {
        var head = WeightInterpolation.Interpolate(_models.ZeroShotHead, _models.FineTunedHead, alpha);
        WeightInterpolation.Interpolate(_interpolated, _models.ZeroShot, _models.FineTuned, alpha);
        _head?.Dispose();
        _head = head;
        Alpha = alpha;
    }

    /// <summary>The interpolated model's raw logits for preprocessed images of one size, one row per image.</summary>
    public float[][] Logits(IReadOnlyList<PreprocessedImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var head = RequireHead();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return FloatRows.Of(head.Logits(_interpolated.Encode(PreprocessedImage.ToBatch(images, _interpolated.Device))));
    }

    public void Dispose()
    {
        _models.Dispose();
        _interpolated.Dispose();
        _head?.Dispose();
    }

    private ZeroShotHead RequireHead() =>
        _head ?? throw new InvalidOperationException("Choose α with Interpolate before using the interpolated model.");
}
