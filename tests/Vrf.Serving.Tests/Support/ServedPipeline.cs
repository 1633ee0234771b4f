using Vrf.Serving.Datasets;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;

namespace Vrf.Serving.Tests.Support;

/// <summary>Accuracies computed by classifying a dataset's images one by one, as the services classify them: what
/// vrf eval's table must equal.</summary>
public static class ServedPipeline
{
    /// <summary>Top-1 accuracy of the reference classifier in one scoring mode.</summary>
    public static async Task<double> Accuracy(ReferenceClassifier classifier, ImageFolderDataset dataset, ScoringMode mode)
    {
        var correct = 0;
        foreach (var sample in dataset.Samples)
        {
            var result = await classifier.ClassifyAsync(await File.ReadAllBytesAsync(sample.Path), sample.Id, new ClassificationRequest(mode),
                TestContext.Current.CancellationToken);
            correct += result.Predicted.Index == sample.Label ? 1 : 0;
        }
        return (double)correct / dataset.Count;
    }

    /// <summary>Top-1 accuracy of a version's fine-tuned side alone (for a weight-space ensemble version, the
    /// interpolated model).</summary>
    public static double FineTunedAccuracy(ServedModel model, ImageFolderDataset dataset) =>
        (double)dataset.Samples.Count(sample =>
            Argmax(model.Embed([model.Preprocess(File.ReadAllBytes(sample.Path), sample.Id)])[0].FineTunedLogits) == sample.Label)
        / dataset.Count;

    private static int Argmax(float[] logits) => Array.IndexOf(logits, logits.Max());
}
