namespace Vrf.Method;

/// <summary>
/// The classes a test split is scored on (e.g. the 200 ImageNet classes of ImageNet-A/R). Projection keeps those
/// columns of a logit matrix before any softmax or argmax, so probabilities renormalise over the kept classes and
/// predictions index them 0..C'−1.
/// </summary>
public sealed class ClassMask
{
    private readonly bool[] _keep;
    private readonly int[] _kept;

    public ClassMask(IReadOnlyList<bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        _keep = [.. keep];
        _kept = [.. Enumerable.Range(0, _keep.Length).Where(c => _keep[c])];
        if (_kept.Length == 0)
        {
            throw new ArgumentException("A class mask must keep at least one class.", nameof(keep));
        }
    }

    /// <summary>C, the number of classes of the full logits.</summary>
    public int ClassCount => _keep.Length;

    /// <summary>C', the number of kept classes.</summary>
    public int KeptCount => _kept.Length;

    /// <summary>The original class index of each kept class, ascending.</summary>
    public IReadOnlyList<int> KeptClasses => _kept;

    /// <summary>The kept columns of <paramref name="logits"/>.</summary>
    public Matrix Project(Matrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Columns != ClassCount)
        {
            throw new ArgumentException($"The mask covers {ClassCount} classes but the logits have {logits.Columns}.", nameof(logits));
        }
        var projected = new Matrix(logits.Rows, KeptCount);
        for (var i = 0; i < logits.Rows; i++)
        {
            var source = logits.Row(i);
            var target = projected.Row(i);
            for (var j = 0; j < _kept.Length; j++)
            {
                target[j] = source[_kept[j]];
            }
        }
        return projected;
    }

    /// <summary>The inverse of <see cref="Project"/> for scores over the kept classes: each kept column back at its class,
    /// zeros for the dropped classes.</summary>
    public Matrix Expand(Matrix kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        if (kept.Columns != KeptCount)
        {
            throw new ArgumentException($"The mask keeps {KeptCount} classes but the scores have {kept.Columns}.", nameof(kept));
        }
        var expanded = new Matrix(kept.Rows, ClassCount);
        for (var i = 0; i < kept.Rows; i++)
        {
            var source = kept.Row(i);
            var target = expanded.Row(i);
            for (var j = 0; j < _kept.Length; j++)
            {
                target[_kept[j]] = source[j];
            }
        }
        return expanded;
    }
}
