namespace Vrf.Method.Evaluation;

/// <summary>
/// One split of cached model outputs: fine-tuned features, both models' logits and labels. A test split may carry
/// a class mask; its labels then index the kept classes.
/// </summary>
public sealed record LabelledSplit(string Name, Matrix FineTunedFeatures, ModelLogits Logits, IReadOnlyList<int> Labels, ClassMask? Mask = null)
{
    public int Rows => Labels.Count;

    /// <summary>Both models' logits restricted to the split's kept classes.</summary>
    public ModelLogits ProjectedLogits => Logits.Project(Mask);
}
