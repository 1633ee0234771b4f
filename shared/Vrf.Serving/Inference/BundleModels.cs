using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Store;
using Vrf.Tensors;

namespace Vrf.Serving.Inference;

/// <summary>
/// A version's zero-shot and fine-tuned encoders and heads loaded onto one device, with the version's preprocessing
/// (its zero-shot folder's, shared by both encoders), through the kind its manifest names: what the served model and
/// the weight-space model are made of. Owns them; dispose it to free the weights.
/// </summary>
internal sealed class BundleModels : IDisposable
{
    private BundleModels(IEncoderKind kind, IImagePreprocessor preprocessor, IImageEncoder zeroShot, IImageEncoder fineTuned,
        ZeroShotHead zeroShotHead, ZeroShotHead fineTunedHead)
    {
        Kind = kind;
        Preprocessor = preprocessor;
        ZeroShot = zeroShot;
        FineTuned = fineTuned;
        ZeroShotHead = zeroShotHead;
        FineTunedHead = fineTunedHead;
    }

    public IEncoderKind Kind { get; }

    public IImagePreprocessor Preprocessor { get; }

    public IImageEncoder ZeroShot { get; }

    public IImageEncoder FineTuned { get; }

    public ZeroShotHead ZeroShotHead { get; }

    public ZeroShotHead FineTunedHead { get; }

    /// <exception cref="InvalidDataException">The manifest names an encoder kind this build does not have.</exception>
    /// <exception cref="BundleTamperedException">A file of the encoders, heads, classes or recipe is not the one the
    /// manifest records (a bundle that records no digests loads unchecked).</exception>
    public static BundleModels Load(ModelBundle bundle, EncoderKinds kinds, string device)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(kinds);
        var kind = kinds.Get(bundle.Manifest.EncoderKind);
        var files = bundle.Manifest.Files;
        BundleFileHashes.Verify(bundle, files.ZeroShotModel, files.FineTunedModel, files.ZeroShotHead, files.FineTunedHead, files.Classes, files.Templates);
        var target = InferenceDevice.Parse(device);
        var preprocessor = kind.OpenPreprocessor(bundle.ZeroShotModelFolder);
        using var load = new PartialLoad();
        var zeroShot = load.Keep(kind.Load(bundle.ZeroShotModelFolder, device));
        var fineTuned = load.Keep(kind.Load(bundle.FineTunedModelFolder, device));
        var zeroShotHead = load.Keep(ZeroShotHead.Load(bundle.ZeroShotHeadPath, target));
        var fineTunedHead = load.Keep(ZeroShotHead.Load(bundle.FineTunedHeadPath, target));
        load.Complete();
        return new BundleModels(kind, preprocessor, zeroShot, fineTuned, zeroShotHead, fineTunedHead);
    }

    public void Dispose()
    {
        ZeroShot.Dispose();
        FineTuned.Dispose();
        ZeroShotHead.Dispose();
        FineTunedHead.Dispose();
    }
}
