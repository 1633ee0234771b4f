namespace Vrf.Serving.Store;

/// <summary>The files and folders of a bundle, relative to its version folder.</summary>
/// <param name="ZeroShotModel">The zero-shot encoder's folder, as its kind (the manifest's <c>encoder_kind</c>) reads it.</param>
/// <param name="FineTunedModel">The fine-tuned encoder's folder, of the same kind.</param>
/// <param name="ZeroShotHead">The zero-shot head, in the ZeroShotHead safetensors format.</param>
/// <param name="FineTunedHead">The fine-tuned head, same format.</param>
/// <param name="Classes">The class names, one per line.</param>
/// <param name="Templates">The zero-shot head's recipe (the prompt templates), one per line.</param>
/// <param name="FailureSet">The zero-shot failure set (features, labels, sample ids); absent until indexed.</param>
/// <param name="ValidationDistribution">d and the predicted classes over the validation images
/// (<c>Vrf.Monitoring.ValidationDistributionJson</c>), which the drift monitor compares served results with; absent
/// until indexed, for a version indexed without validation images, and for one indexed before versions recorded it.</param>
public sealed record BundleFiles(
    string ZeroShotModel,
    string FineTunedModel,
    string ZeroShotHead,
    string FineTunedHead,
    string Classes,
    string Templates,
    string? FailureSet,
    string? ValidationDistribution = null)
{
    public const string FailureSetFileName = "failure-set.safetensors";

    public const string ValidationDistributionFileName = "validation-distribution.json";

    /// <summary>The layout <see cref="BundleWriter"/> writes.</summary>
    public static BundleFiles Standard { get; } = new(
        "zero-shot", "fine-tuned", "zero-shot-head.safetensors", "fine-tuned-head.safetensors", "classes.txt", "templates.txt", null);
}
