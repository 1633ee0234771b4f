namespace Vrf.Serving.Store;

/// <summary>How a version did when it was indexed.</summary>
/// <param name="Train">Accuracies on the training images (the failure set is selected from them).</param>
/// <param name="Validation">Accuracies on the validation images with the tuned parameters; null without a validation folder.</param>
/// <param name="FailureShare">|V| / N: the share of the training images in the zero-shot failure set.</param>
/// <param name="SkippedImages">Images that could not be decoded and were left out.</param>
public sealed record ModelMetrics(
    SplitMetrics Train,
    SplitMetrics? Validation,
    double FailureShare,
    IReadOnlyList<SkippedImage> SkippedImages);

/// <summary>Top-1 accuracies on one split; the ensembles only on validation.</summary>
public sealed record SplitMetrics(
    int Images,
    int Skipped,
    double ZeroShotAccuracy,
    double FineTunedAccuracy,
    double? VrfAccuracy,
    double? OseAccuracy);

/// <summary>An image left out of indexing, and why.</summary>
public sealed record SkippedImage(string Split, string SampleId, string Reason);
