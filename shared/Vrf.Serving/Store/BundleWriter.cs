using Vrf.Serving.Datasets;

namespace Vrf.Serving.Store;

/// <summary>
/// Writes new versions in the one layout every service reads (<see cref="BundleFiles.Standard"/>): both encoder
/// folders, both heads, the classes and the head recipe, and a manifest with status <see cref="ModelStatus.Indexing"/>
/// that names the encoder kind and records every file's SHA-256. Imports, weight-space ensembles and fine-tuning runs all
/// write through it; the failure set, built later, is recorded with <see cref="WithIndexFiles"/>. Thread-safe.
/// </summary>
public sealed class BundleWriter(ModelStore store)
{
    /// <summary>
    /// Creates the next version of <paramref name="name"/>: <paramref name="describe"/> gets its id and says what it is
    /// made of; the parts are written in order (encoders, heads, classes, recipe) and the manifest last. If anything
    /// throws, no version is created.
    /// </summary>
    public ModelBundle Write(string name, Func<ModelVersionId, NewVersion> describe)
    {
        ArgumentNullException.ThrowIfNull(describe);
        return store.CreateVersion(name, (id, staging) =>
        {
            var version = describe(id);
            var files = BundleFiles.Standard;
            version.ZeroShotEncoder.WriteTo(Path.Combine(staging, files.ZeroShotModel));
            version.FineTunedEncoder.WriteTo(Path.Combine(staging, files.FineTunedModel));
            version.ZeroShotHead.WriteTo(Path.Combine(staging, files.ZeroShotHead));
            version.FineTunedHead.WriteTo(Path.Combine(staging, files.FineTunedHead));
            ClassNames.Save(Path.Combine(staging, files.Classes), version.ClassNames);
            File.WriteAllLines(Path.Combine(staging, files.Templates), version.Templates);
            return new ModelManifest
            {
                Name = id.Name,
                Version = id.Version,
                Status = ModelStatus.Indexing,
                CreatedAt = DateTimeOffset.UtcNow,
                ClassNames = version.ClassNames,
                EmbeddingDim = version.EmbeddingDim,
                EncoderKind = version.EncoderKind,
                ZeroShotHeadBuilder = version.ZeroShotHeadBuilder,
                Templates = version.Templates,
                Files = files,
                FileSha256 = BundleFileHashes.Of(staging),
                Sources = version.Sources,
                Datasets = version.Datasets,
                KSelection = version.KSelection,
                Training = version.Training,
                WeightSpaceEnsemble = version.WeightSpaceEnsemble,
            };
        });
    }

    /// <summary>The manifest of a version whose index outputs were just written into <paramref name="versionFolder"/>: the
    /// failure set and, when <paramref name="validationDistribution"/> is set, the validation distribution of d, named in
    /// its files and, in a bundle that records digests, their digests with the others.</summary>
    public static ModelManifest WithIndexFiles(ModelManifest manifest, string versionFolder, bool validationDistribution)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var written = validationDistribution
            ? new[] { BundleFiles.FailureSetFileName, BundleFiles.ValidationDistributionFileName }
            : [BundleFiles.FailureSetFileName];
        var digests = manifest.FileSha256 is { } recorded ? new Dictionary<string, string>(recorded, StringComparer.Ordinal) : null;
        foreach (var file in written)
        {
            digests?[file] = BundleFileHashes.OfFile(Path.Combine(versionFolder, file));
        }
        return manifest with
        {
            Files = manifest.Files with
            {
                FailureSet = BundleFiles.FailureSetFileName,
                ValidationDistribution = validationDistribution ? BundleFiles.ValidationDistributionFileName : null,
            },
            FileSha256 = digests,
        };
    }
}
