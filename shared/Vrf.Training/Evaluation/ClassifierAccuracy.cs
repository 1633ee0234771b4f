using Vrf.Clip.Preprocessing;
using Vrf.Serving.Datasets;
using Vrf.Training.Modeling;
using static TorchSharp.torch;

namespace Vrf.Training.Evaluation;

/// <summary>Top-1 accuracy of a classifier on an image folder with the evaluation preprocessing (no augmentation);
/// images that do not decode are skipped and reported.</summary>
internal static class ClassifierAccuracy
{
    /// <param name="skipped">Told of each image that does not decode: its id and why.</param>
    /// <exception cref="DatasetException">No image decodes.</exception>
    public static double Measure(ImageClassifier classifier, ImageFolderDataset dataset, ClipImageProcessor processor, int batchSize,
        Action<string, string> skipped, CancellationToken cancellationToken)
    {
        var (correct, counted) = (0L, 0L);
        foreach (var batch in dataset.Samples.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var images = new List<PreprocessedImage>(batch.Length);
            var labels = new List<long>(batch.Length);
            foreach (var sample in batch)
            {
                try
                {
                    images.Add(processor.Preprocess(File.ReadAllBytes(sample.Path), sample.Id));
                    labels.Add(sample.Label);
                }
                catch (ImageDecodeException e)
                {
                    skipped(sample.Id, e.Reason);
                }
            }
            if (images.Count == 0)
            {
                continue;
            }
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var predicted = classifier.forward(ClipImageProcessor.ToBatch(images, classifier.Clip.Device)).argmax(1);
            var truth = tensor(labels.ToArray(), dtype: ScalarType.Int64, device: predicted.device);
            correct += predicted.eq(truth).sum().item<long>();
            counted += images.Count;
        }
        return counted > 0
            ? (double)correct / counted
            : throw new DatasetException($"None of the {dataset.Count} images of '{dataset.Folder}' could be decoded.");
    }
}
