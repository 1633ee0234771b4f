namespace Vrf.Datasets.Export;

/// <summary>What <see cref="MnistExport"/> writes and where.</summary>
public sealed record MnistExportOptions
{
    /// <summary>The folder that receives <c>train</c>, <c>val</c> and <c>test</c>.</summary>
    public required string Output { get; init; }

    /// <summary>The folder with MNIST's four IDX files.</summary>
    public string MnistFolder { get; init; } = Mnist.MnistCache.DefaultFolder;

    /// <summary>Training images moved to the validation split, per digit.</summary>
    public int ValPerClass { get; init; } = 500;

    public int Seed { get; init; }

    /// <summary>At most this many training images (a seeded choice among those left after validation); all when null.</summary>
    public int? TrainLimit { get; init; }

    /// <summary>Only the first this many test images; all when null.</summary>
    public int? TestLimit { get; init; }
}
