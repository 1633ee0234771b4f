namespace Vrf.Method;

/// <summary>Predicted classes: the index of the largest score, the first (lowest) index on exact ties.</summary>
public static class Argmax
{
    public static int Of(ReadOnlySpan<double> scores)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("An empty row has no largest score.", nameof(scores));
        }
        var best = 0;
        for (var j = 1; j < scores.Length; j++)
        {
            if (scores[j] > scores[best])
            {
                best = j;
            }
        }
        return best;
    }

    /// <summary>The argmax of every row.</summary>
    public static int[] Rows(Matrix scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var predictions = new int[scores.Rows];
        for (var i = 0; i < scores.Rows; i++)
        {
            predictions[i] = Of(scores.Row(i));
        }
        return predictions;
    }
}
