namespace Vrf.Method;

/// <summary>
/// V: the training rows that the fine-tuned model gets right and the zero-shot model gets wrong (argmax of raw,
/// unprojected logits, first index on ties), kept as their L2-normalised fine-tuned features.
/// </summary>
public sealed class ZeroShotFailureSet
{
    private ZeroShotFailureSet(int trainingRows, int[] indices, Matrix members)
    {
        TrainingRows = trainingRows;
        Indices = indices;
        Members = members;
    }

    /// <summary>N, the number of training rows V was selected from.</summary>
    public int TrainingRows { get; }

    /// <summary>The training row indices in V, ascending.</summary>
    public IReadOnlyList<int> Indices { get; }

    /// <summary>One L2-normalised fine-tuned feature row per member, in the order of <see cref="Indices"/>.</summary>
    public Matrix Members { get; }

    /// <summary>|V|.</summary>
    public int Count => Indices.Count;

    public bool IsEmpty => Count == 0;

    public static ZeroShotFailureSet Select(Matrix fineTunedFeatures, ModelLogits logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(fineTunedFeatures);
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (fineTunedFeatures.Rows != logits.Rows || labels.Count != logits.Rows)
        {
            throw new ArgumentException(
                $"{fineTunedFeatures.Rows} feature rows, {logits.Rows} logit rows and {labels.Count} labels do not describe the same samples.");
        }
        var zeroShot = Argmax.Rows(logits.ZeroShot);
        var fineTuned = Argmax.Rows(logits.FineTuned);
        int[] indices = [.. Enumerable.Range(0, labels.Count).Where(i => fineTuned[i] == labels[i] && zeroShot[i] != labels[i])];
        return new ZeroShotFailureSet(labels.Count, indices, fineTunedFeatures.SelectRows(indices).L2NormalizedRows());
    }
}
