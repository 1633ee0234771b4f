namespace Vrf.Method;

/// <summary>
/// The headroom of a per-sample ensemble over the fine-tuned model: the share of images the zero-shot model gets right
/// and the fine-tuned model gets wrong. No weighting of the two models, per image or not, can be right on more images
/// than the fine-tuned model's accuracy plus this share.
/// </summary>
public static class Headroom
{
    /// <exception cref="ArgumentException">The lists differ in length, or are empty.</exception>
    public static double Of(IReadOnlyList<int> zeroShotPredictions, IReadOnlyList<int> fineTunedPredictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(zeroShotPredictions);
        ArgumentNullException.ThrowIfNull(fineTunedPredictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (zeroShotPredictions.Count != labels.Count || fineTunedPredictions.Count != labels.Count)
        {
            throw new ArgumentException(
                $"{zeroShotPredictions.Count} zero-shot and {fineTunedPredictions.Count} fine-tuned predictions for {labels.Count} labels.");
        }
        if (labels.Count == 0)
        {
            throw new ArgumentException("The headroom of no rows is undefined.", nameof(labels));
        }
        var gained = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (zeroShotPredictions[i] == labels[i] && fineTunedPredictions[i] != labels[i])
            {
                gained++;
            }
        }
        return (double)gained / labels.Count;
    }
}
