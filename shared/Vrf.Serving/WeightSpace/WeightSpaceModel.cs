using Vrf.Clip;
using Vrf.Clip.Devices;
using Vrf.Clip.Modeling;
using Vrf.Clip.Preprocessing;
using Vrf.Clip.ZeroShot;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using static TorchSharp.torch;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// A version's zero-shot and fine-tuned image towers and heads loaded side by side, and a third tower and head that
/// hold their interpolation at the α last set with <see cref="Interpolate"/>. Images are preprocessed as the served
/// model does it (the zero-shot folder's preprocessing). Not thread-safe; dispose it to free the weights.
/// </summary>
public sealed class WeightSpaceModel : IDisposable
{
    private readonly ClipModel _zeroShot;
    private readonly ClipModel _fineTuned;
    private readonly ClipModel _interpolated;
    private readonly ZeroShotHead _zeroShotHead;
    private readonly ZeroShotHead _fineTunedHead;
    private ZeroShotHead? _head;

    private WeightSpaceModel(ClipModel zeroShot, ClipModel fineTuned, ClipModel interpolated, ZeroShotHead zeroShotHead,
        ZeroShotHead fineTunedHead, ClipImageProcessor imageProcessor)
    {
        _zeroShot = zeroShot;
        _fineTuned = fineTuned;
        _interpolated = interpolated;
        _zeroShotHead = zeroShotHead;
        _fineTunedHead = fineTunedHead;
        ImageProcessor = imageProcessor;
    }

    public ClipImageProcessor ImageProcessor { get; }

    /// <summary>The α of the interpolated tower and head; null until <see cref="Interpolate"/> is called.</summary>
    public double? Alpha { get; private set; }

    /// <summary>Loads the bundle's towers and heads onto <paramref name="device"/>; the interpolated tower starts as a copy of the zero-shot one.</summary>
    /// <exception cref="WeightSpaceException">The towers or heads differ in shape.</exception>
    public static WeightSpaceModel Load(ModelBundle bundle, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var target = InferenceDevice.Parse(device);
        var options = new ClipLoadOptions { Device = device };
        var processor = ClipImageProcessor.FromFolder(bundle.ZeroShotModelFolder);
        using var load = new PartialLoad();
        var zeroShot = load.Keep(ClipModelFolder.Load(bundle.ZeroShotModelFolder, options));
        var fineTuned = load.Keep(ClipModelFolder.Load(bundle.FineTunedModelFolder, options));
        WeightInterpolation.RequireSameImageTower(zeroShot, fineTuned);
        var interpolated = load.Keep(ClipModelFolder.Load(bundle.ZeroShotModelFolder, options));
        var zeroShotHead = load.Keep(ZeroShotHead.Load(bundle.ZeroShotHeadPath, target));
        var fineTunedHead = load.Keep(ZeroShotHead.Load(bundle.FineTunedHeadPath, target));
        load.Complete();
        return new WeightSpaceModel(zeroShot, fineTuned, interpolated, zeroShotHead, fineTunedHead, processor);
    }

    /// <summary>Sets the interpolated tower and head to (1 − α)·zero-shot + α·fine-tuned.</summary>
    public void Interpolate(double alpha)
    {
        var head = WeightInterpolation.Interpolate(_zeroShotHead, _fineTunedHead, alpha);
        WeightInterpolation.Interpolate(_interpolated, _zeroShot, _fineTuned, alpha);
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
        return FloatRows.Of(head.Logits(_interpolated.GetImageFeatures(ClipImageProcessor.ToBatch(images, _interpolated.Device))));
    }

    /// <summary>Writes the interpolated model as a CLIP folder (<c>config.json</c>, <c>model.safetensors</c>) and its head.</summary>
    public void Save(string modelFolder, string headPath)
    {
        var head = RequireHead();
        ClipModelFolder.Save(_interpolated, modelFolder);
        head.Save(headPath);
    }

    public void Dispose()
    {
        _zeroShot.Dispose();
        _fineTuned.Dispose();
        _interpolated.Dispose();
        _zeroShotHead.Dispose();
        _fineTunedHead.Dispose();
        _head?.Dispose();
    }

    private ZeroShotHead RequireHead() =>
        _head ?? throw new InvalidOperationException("Choose α with Interpolate before using the interpolated model.");
}
