using Vrf.Method;

namespace Vrf.Serving.WeightSpace;

/// <summary>One model's raw logits over a dataset's decodable images, in the dataset's order, with their labels.</summary>
public sealed record LabelledLogits(IReadOnlyList<float[]> Logits, IReadOnlyList<int> Labels)
{
    /// <summary>Top-1 accuracy (argmax of the raw logits, the lowest index on ties), over the classes of
    /// <paramref name="mask"/> when one is given.</summary>
    public double Accuracy(ClassMask? mask = null)
    {
        var logits = new Matrix(Logits.Count, Logits[0].Length, [.. Logits.SelectMany(row => row.Select(x => (double)x))]);
        return mask is null ? Method.Accuracy.Of(logits, Labels)
            : Method.Accuracy.Of([.. Argmax.Rows(mask.Project(logits)).Select(kept => mask.KeptClasses[kept])], Labels);
    }
}
