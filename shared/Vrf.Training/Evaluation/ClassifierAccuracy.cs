using Vrf.Encoders;
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
    public static double Measure(ImageClassifier classifier, ImageFolderDataset dataset, IImagePreprocessor preprocessor, int batchSize,
        Action<string, string> skipped, CancellationToken cancellationToken)
    {
        var (correct, counted) = (0L, 0L);
        foreach (var batch in DatasetBatches.Preprocessed(dataset, preprocessor, batchSize, (sample, e) => skipped(sample.Id, e.Reason),
                     progress: null, cancellationToken))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var predicted = classifier.forward(PreprocessedImage.ToBatch(batch.Images, classifier.Device)).argmax(1);
            var truth = tensor(batch.Samples.Select(sample => (long)sample.Label).ToArray(), dtype: ScalarType.Int64, device: predicted.device);
            correct += predicted.eq(truth).sum().item<long>();
            counted += batch.Images.Count;
        }
        return (double)correct / counted;
    }
}
