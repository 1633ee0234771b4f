namespace Vrf.Serving.Store;

/// <summary>One version folder of the model store with the manifest read from it, and the paths of its files.</summary>
public sealed class ModelBundle(string folder, ModelManifest manifest)
{
    public string Folder { get; } = folder;

    public ModelManifest Manifest { get; } = manifest;

    public ModelVersionId Id => Manifest.Id;

    public ModelStatus Status => Manifest.Status;

    public string ZeroShotModelFolder => Path.Combine(Folder, Manifest.Files.ZeroShotModel);

    public string FineTunedModelFolder => Path.Combine(Folder, Manifest.Files.FineTunedModel);

    public string ZeroShotHeadPath => Path.Combine(Folder, Manifest.Files.ZeroShotHead);

    public string FineTunedHeadPath => Path.Combine(Folder, Manifest.Files.FineTunedHead);

    public string ClassesPath => Path.Combine(Folder, Manifest.Files.Classes);

    public string TemplatesPath => Path.Combine(Folder, Manifest.Files.Templates);

    /// <summary>Where the failure set is (or will be) written.</summary>
    public string FailureSetPath => Path.Combine(Folder, Manifest.Files.FailureSet ?? BundleFiles.FailureSetFileName);

    /// <summary>Where the validation distribution of d is, when the version recorded one.</summary>
    public string? ValidationDistributionPath =>
        Manifest.Files.ValidationDistribution is { } file ? Path.Combine(Folder, file) : null;

    /// <summary>The VRF parameters of a ready version.</summary>
    /// <exception cref="ModelNotReadyException">The version has not been indexed.</exception>
    public VrfParameters Parameters => Manifest.Parameters
        ?? throw new ModelNotReadyException($"Model {Id} has no VRF parameters yet: it is {Status.ToString().ToLowerInvariant()}.");
}
