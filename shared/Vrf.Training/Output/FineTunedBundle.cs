using Vrf.Serving.Store;
using Vrf.Training.Modeling;

namespace Vrf.Training.Output;

/// <summary>
/// Writes a trained classifier as the next version of the base version's model: the zero-shot encoder folder and head,
/// classes and templates are the base's; the fine-tuned encoder folder is the trained encoder saved whole (for CLIP,
/// the trained image tower with the base's text tower, tokenizer and preprocessing files); the trained head in the head
/// format; a manifest with status <see cref="ModelStatus.Indexing"/> and the training record.
/// </summary>
internal static class FineTunedBundle
{
    public static ModelBundle Write(BundleWriter writer, ModelBundle baseBundle, ImageClassifier classifier, TrainingRecord training,
        DatasetSources datasets)
    {
        var source = baseBundle.Manifest;
        using var head = classifier.TrainedHead();
        return writer.Write(source.Name, _ => new NewVersion
        {
            EncoderKind = source.EncoderKind,
            ZeroShotEncoder = BundlePart.CopyOfFolder(baseBundle.ZeroShotModelFolder),
            FineTunedEncoder = BundlePart.Encoder(classifier.Encoder),
            ZeroShotHead = BundlePart.CopyOfFile(baseBundle.ZeroShotHeadPath),
            FineTunedHead = BundlePart.Head(head),
            ClassNames = source.ClassNames,
            ZeroShotHeadBuilder = source.ZeroShotHeadBuilder,
            Templates = source.Templates,
            EmbeddingDim = classifier.Encoder.EmbeddingDim,
            Sources = new ModelSources(
                baseBundle.ZeroShotModelFolder,
                baseBundle.ZeroShotModelFolder,
                baseBundle.ZeroShotHeadPath,
                baseBundle.ClassesPath,
                baseBundle.TemplatesPath),
            Datasets = datasets,
            KSelection = source.KSelection,
            Training = training,
        });
    }
}
