namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// How much data and training a <c>vrf demo</c> run uses: the MNIST subset the digits model is fine-tuned on, the
/// validation, test and shifted splits, the input size and the fine-tuning settings. Each profile keeps its data in a
/// folder of its own, so a run of one profile reuses what an earlier run of it prepared.
/// </summary>
/// <param name="Name">The profile's name: its data folder and how the demo names it.</param>
/// <param name="TrainImages">The seeded subset of MNIST's training images the model is fine-tuned (and indexed) on.</param>
/// <param name="ValidationPerClass">Held-out training images per digit: temperatures, (a, b), α and the glyph head's scale.</param>
/// <param name="TestImages">The first MNIST test images: the ID split, and the images every shifted split is made from.</param>
/// <param name="StreamPerSplit">Images of each split sent through the services one by one in the stream phase.</param>
internal sealed record DemoProfile(
    string Name,
    int TrainImages,
    int ValidationPerClass,
    int TestImages,
    int Epochs,
    int BatchSize,
    double LearningRate,
    int ImageSize,
    int StreamPerSplit)
{
    /// <summary>The name of the model the demo trains and serves.</summary>
    public const string ModelName = "digits";

    /// <summary>The seed of the data splits, the shifts and the fine-tuning.</summary>
    public const int Seed = 0;

    /// <summary>For the test suite: a minute or two on a quiet machine.</summary>
    public static DemoProfile Quick { get; } = new("quick", TrainImages: 1_000, ValidationPerClass: 30, TestImages: 500, Epochs: 1,
        BatchSize: 32, LearningRate: 1e-3, ImageSize: 32, StreamPerSplit: 2);

    /// <summary>What <c>./run.sh</c> runs: the whole loop within the set-up's time budget.</summary>
    public static DemoProfile Standard { get; } = new("standard", TrainImages: 5_000, ValidationPerClass: 50, TestImages: 1_000, Epochs: 2,
        BatchSize: 32, LearningRate: 3e-4, ImageSize: 32, StreamPerSplit: 4);

    /// <summary>More data and training, for the README's table.</summary>
    public static DemoProfile Full { get; } = new("full", TrainImages: 20_000, ValidationPerClass: 200, TestImages: 10_000, Epochs: 3,
        BatchSize: 32, LearningRate: 3e-4, ImageSize: 32, StreamPerSplit: 4);
}
