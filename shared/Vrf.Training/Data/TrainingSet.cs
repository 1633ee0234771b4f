using System.Collections.Concurrent;
using Vrf.Encoders;
using Vrf.Imaging;
using Vrf.Serving.Datasets;
using static TorchSharp.torch;

namespace Vrf.Training.Data;

/// <summary>
/// The training images that decode, in the dataset's fixed order, and their batches: each epoch a permutation drawn
/// from (seed, stage, epoch), each image a random resized crop drawn from (seed, stage, epoch, sample), made into the
/// encoder's input by the version's preprocessing (its training view).
/// </summary>
internal sealed class TrainingSet
{
    private readonly IImagePreprocessor _preprocessor;

    private TrainingSet(ImageFolderDataset dataset, IReadOnlyList<ImageSample> samples, IImagePreprocessor preprocessor)
    {
        Dataset = dataset;
        Samples = samples;
        _preprocessor = preprocessor;
    }

    public ImageFolderDataset Dataset { get; }

    /// <summary>The samples that decoded, in the dataset's order.</summary>
    public IReadOnlyList<ImageSample> Samples { get; }

    public int Count => Samples.Count;

    /// <summary>Decodes every image once (in parallel) and keeps those that decode.</summary>
    /// <param name="skipped">Told of each image that does not decode: its id and why.</param>
    /// <exception cref="DatasetException">No image decodes.</exception>
    public static TrainingSet Open(ImageFolderDataset dataset, IImagePreprocessor preprocessor, Action<string, string> skipped,
        CancellationToken cancellationToken)
    {
        var failures = new ConcurrentDictionary<int, string>();
        Parallel.For(0, dataset.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            try
            {
                preprocessor.Decoder.Decode(File.ReadAllBytes(dataset.Samples[i].Path), dataset.Samples[i].Id);
            }
            catch (ImageDecodeException e)
            {
                failures[i] = e.Reason;
            }
        });
        foreach (var (index, reason) in failures.OrderBy(failure => failure.Key))
        {
            skipped(dataset.Samples[index].Id, reason);
        }
        var kept = dataset.Samples.Where((_, i) => !failures.ContainsKey(i)).ToList();
        return kept.Count > 0
            ? new TrainingSet(dataset, kept, preprocessor)
            : throw new DatasetException($"None of the {dataset.Count} training images of '{dataset.Folder}' could be decoded.");
    }

    /// <summary>The order in which epoch <paramref name="epoch"/> of stage <paramref name="stage"/> visits the samples.</summary>
    public int[] EpochOrder(int seed, int stage, int epoch) => SeededRandom.For(seed, stage, epoch).Permutation(Count);

    /// <summary>Pixels [images, channels, H, W] (float32) and labels [images] (int64) of the samples at
    /// <paramref name="indices"/>, augmented for the given epoch; in the current dispose scope.</summary>
    public (Tensor Pixels, Tensor Labels) Batch(IReadOnlyList<int> indices, int seed, int stage, int epoch, Device device)
    {
        var images = new PreprocessedImage[indices.Count];
        Parallel.For(0, indices.Count, i => images[i] = Augment(indices[i], seed, stage, epoch));
        var labels = indices.Select(index => (long)Samples[index].Label).ToArray();
        return (PreprocessedImage.ToBatch(images, device), tensor(labels, dtype: ScalarType.Int64, device: device));
    }

    private PreprocessedImage Augment(int index, int seed, int stage, int epoch)
    {
        var sample = Samples[index];
        RgbImage image;
        try
        {
            image = _preprocessor.Decoder.Decode(File.ReadAllBytes(sample.Path), sample.Id);
        }
        catch (ImageDecodeException e)
        {
            throw new DatasetException($"Training image '{sample.Path}' decoded when training began but not now ({e.Reason}): the dataset changed.");
        }
        var box = RandomResizedCrop.Sample(image.Width, image.Height, SeededRandom.For(seed, stage, epoch, index));
        return _preprocessor.PreprocessTrainingView(image, box);
    }
}
