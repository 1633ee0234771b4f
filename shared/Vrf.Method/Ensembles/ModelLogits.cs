namespace Vrf.Method;

/// <summary>The raw logits of the zero-shot and of the fine-tuned model on the same rows and classes.</summary>
public sealed record ModelLogits
{
    public ModelLogits(Matrix zeroShot, Matrix fineTuned)
    {
        ArgumentNullException.ThrowIfNull(zeroShot);
        ArgumentNullException.ThrowIfNull(fineTuned);
        if (zeroShot.Rows != fineTuned.Rows || zeroShot.Columns != fineTuned.Columns)
        {
            throw new ArgumentException(
                $"Zero-shot logits are {zeroShot.Rows}x{zeroShot.Columns} but fine-tuned logits are {fineTuned.Rows}x{fineTuned.Columns}.",
                nameof(fineTuned));
        }
        ZeroShot = zeroShot;
        FineTuned = fineTuned;
    }

    public Matrix ZeroShot { get; }

    public Matrix FineTuned { get; }

    public int Rows => ZeroShot.Rows;

    public int Classes => ZeroShot.Columns;

    /// <summary>Both models' logits restricted to the kept classes; a null mask returns this instance.</summary>
    public ModelLogits Project(ClassMask? mask) =>
        mask is null ? this : new ModelLogits(mask.Project(ZeroShot), mask.Project(FineTuned));
}
