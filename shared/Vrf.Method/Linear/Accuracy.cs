namespace Vrf.Method;

/// <summary>Top-1 accuracy: correct predictions / rows, in double.</summary>
public static class Accuracy
{
    public static double Of(IReadOnlyList<int> predictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count != labels.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions for {labels.Count} labels.", nameof(predictions));
        }
        if (labels.Count == 0)
        {
            throw new ArgumentException("The accuracy of no rows is undefined.", nameof(labels));
        }
        var correct = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (predictions[i] == labels[i])
            {
                correct++;
            }
        }
        return (double)correct / labels.Count;
    }

    /// <summary>The accuracy of the row-wise argmax of <paramref name="scores"/>.</summary>
    public static double Of(Matrix scores, IReadOnlyList<int> labels) => Of(Argmax.Rows(scores), labels);
}
