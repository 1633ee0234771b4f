using Vrf.Serving.Datasets;

namespace Vrf.Serving.Store;

/// <summary>
/// Writes new versions in the one layout every service reads (<see cref="BundleFiles.Standard"/>): both encoder
/// folders, both heads, the classes and the head recipe, and a manifest with status <see cref="ModelStatus.Indexing"/>
/// that names the encoder kind. Imports, weight-space ensembles and fine-tuning runs all write through it. Thread-safe.
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
                Sources = version.Sources,
                Datasets = version.Datasets,
                KSelection = version.KSelection,
                Training = version.Training,
                WeightSpaceEnsemble = version.WeightSpaceEnsemble,
            };
        });
    }
}
