using Vrf.Datasets.Mnist;

namespace Vrf.Datasets.Export;

/// <summary>
/// Writes MNIST as three ImageFolders with class folders <c>0</c> … <c>9</c>: <c>train</c> (the training images
/// minus a seeded validation split, optionally limited), <c>val</c> (<see cref="MnistExportOptions.ValPerClass"/> per
/// digit) and <c>test</c> (the 10,000 test images). Files are named by the image's index in MNIST's own files
/// (<c>00042.png</c>), so a split is the same set of files whatever the order it was written in.
/// </summary>
public static class MnistExport
{
    public static IReadOnlyList<ExportedSplit> Write(
        MnistExportOptions options, IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var training = MnistSet.Load(options.MnistFolder, MnistSplit.Train);
        var test = MnistSet.Load(options.MnistFolder, MnistSplit.Test);
        var labels = Enumerable.Range(0, training.Count).Select(training.Label).ToList();
        var plan = MnistSplitPlan.Create(labels, options.ValPerClass, options.Seed, options.TrainLimit);
        var testItems = Enumerable.Range(0, options.TestLimit is { } limit ? Math.Min(limit, test.Count) : test.Count).ToList();
        return
        [
            SplitWriter.Write("train", Path.Combine(options.Output, "train"), plan.Train, training.Label, training.Image, progress, cancellationToken),
            SplitWriter.Write("val", Path.Combine(options.Output, "val"), plan.Val, training.Label, training.Image, progress, cancellationToken),
            SplitWriter.Write("test", Path.Combine(options.Output, "test"), testItems, test.Label, test.Image, progress, cancellationToken),
        ];
    }
}
