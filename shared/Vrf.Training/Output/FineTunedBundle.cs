using Vrf.Clip;
using Vrf.Clip.Configuration;
using Vrf.Clip.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Store;
using Vrf.Training.Modeling;

namespace Vrf.Training.Output;

/// <summary>
/// Writes a trained classifier as the next version of the base version's model: the zero-shot model and head, classes
/// and templates copied from the base; the fine-tuned model as a whole Hugging Face CLIPModel folder (trained image
/// tower, the base's text tower, tokenizer and preprocessing files); the trained head in the head format; a manifest
/// with status <see cref="ModelStatus.Indexing"/> and the training record.
/// </summary>
internal static class FineTunedBundle
{
    public static ModelBundle Write(ModelStore store, ModelBundle baseBundle, ImageClassifier classifier, TrainingRecord training,
        DatasetSources datasets)
    {
        var source = baseBundle.Manifest;
        return store.CreateVersion(source.Name, (id, staging) =>
        {
            var files = BundleFiles.Standard;
            CopyFolder(baseBundle.ZeroShotModelFolder, Path.Combine(staging, files.ZeroShotModel));
            File.Copy(baseBundle.ZeroShotHeadPath, Path.Combine(staging, files.ZeroShotHead));
            var fineTuned = Path.Combine(staging, files.FineTunedModel);
            ClipModelFolder.Save(classifier.Clip, fineTuned);
            foreach (var file in Directory.EnumerateFiles(baseBundle.ZeroShotModelFolder))
            {
                var name = Path.GetFileName(file);
                if (name is not (ClipConfig.FileName or ClipModelFolder.WeightsFileName))
                {
                    File.Copy(file, Path.Combine(fineTuned, name));
                }
            }
            using (var head = ZeroShotHead.FromLinear(classifier.HeadWeight, classifier.HeadBias, classifier.Clip.LogitScale))
            {
                head.Save(Path.Combine(staging, files.FineTunedHead));
            }
            ClassNames.Save(Path.Combine(staging, files.Classes), source.ClassNames);
            File.Copy(baseBundle.TemplatesPath, Path.Combine(staging, files.Templates));
            return new ModelManifest
            {
                Name = id.Name,
                Version = id.Version,
                Status = ModelStatus.Indexing,
                CreatedAt = DateTimeOffset.UtcNow,
                ClassNames = source.ClassNames,
                EmbeddingDim = classifier.Clip.Config.ProjectionDim,
                Templates = source.Templates,
                Files = files,
                Sources = new ModelSources(
                    baseBundle.ZeroShotModelFolder,
                    baseBundle.ZeroShotModelFolder,
                    baseBundle.ZeroShotHeadPath,
                    baseBundle.ClassesPath,
                    baseBundle.TemplatesPath),
                Datasets = datasets,
                KSelection = source.KSelection,
                Training = training,
            };
        });
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
