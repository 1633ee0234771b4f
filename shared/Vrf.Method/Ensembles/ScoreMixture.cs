namespace Vrf.Method;

/// <summary>
/// Two models' class scores (probabilities or logits) on the same rows, mixed per row as w·S_ft + (1 − w)·S_zs,
/// where w is the fine-tuned model's share.
/// </summary>
public sealed class ScoreMixture
{
    public ScoreMixture(Matrix fineTuned, Matrix zeroShot)
    {
        ArgumentNullException.ThrowIfNull(fineTuned);
        ArgumentNullException.ThrowIfNull(zeroShot);
        if (fineTuned.Rows != zeroShot.Rows || fineTuned.Columns != zeroShot.Columns)
        {
            throw new ArgumentException("Both models' scores must cover the same rows and classes.", nameof(zeroShot));
        }
        FineTuned = fineTuned;
        ZeroShot = zeroShot;
    }

    public Matrix FineTuned { get; }

    public Matrix ZeroShot { get; }

    public int Rows => FineTuned.Rows;

    /// <summary>The mixed scores with one fine-tuned share per row.</summary>
    public Matrix Mix(IReadOnlyList<double> fineTunedShares)
    {
        RequireOnePerRow(fineTunedShares);
        var mixed = new Matrix(Rows, FineTuned.Columns);
        for (var i = 0; i < Rows; i++)
        {
            MixRow(i, fineTunedShares[i], mixed.Row(i));
        }
        return mixed;
    }

    /// <summary>The argmax of the mixed scores, without keeping them.</summary>
    public int[] Predict(IReadOnlyList<double> fineTunedShares)
    {
        RequireOnePerRow(fineTunedShares);
        var predictions = new int[Rows];
        var row = new double[FineTuned.Columns];
        for (var i = 0; i < Rows; i++)
        {
            MixRow(i, fineTunedShares[i], row);
            predictions[i] = Argmax.Of(row);
        }
        return predictions;
    }

    private void MixRow(int i, double share, Span<double> mixed)
    {
        var fineTuned = FineTuned.Row(i);
        var zeroShot = ZeroShot.Row(i);
        for (var j = 0; j < mixed.Length; j++)
        {
            mixed[j] = share * fineTuned[j] + (1 - share) * zeroShot[j];
        }
    }

    private void RequireOnePerRow(IReadOnlyList<double> fineTunedShares)
    {
        ArgumentNullException.ThrowIfNull(fineTunedShares);
        if (fineTunedShares.Count != Rows)
        {
            throw new ArgumentException($"{fineTunedShares.Count} weights for {Rows} rows.", nameof(fineTunedShares));
        }
    }
}
