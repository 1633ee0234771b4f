namespace Vrf.Method;

/// <summary>
/// softmax(z / T), computed as exp(z/T − max(z/T)) / Σ so that logits of any magnitude (1e4 and beyond) stay finite.
/// </summary>
public static class Softmax
{
    public static void Row(ReadOnlySpan<double> logits, double temperature, Span<double> probabilities)
    {
        RequirePositive(temperature);
        if (probabilities.Length != logits.Length)
        {
            throw new ArgumentException("The output row must be as long as the logits row.", nameof(probabilities));
        }
        var max = double.NegativeInfinity;
        for (var j = 0; j < logits.Length; j++)
        {
            probabilities[j] = logits[j] / temperature;
            max = Math.Max(max, probabilities[j]);
        }
        var sum = 0.0;
        for (var j = 0; j < logits.Length; j++)
        {
            probabilities[j] = Math.Exp(probabilities[j] - max);
            sum += probabilities[j];
        }
        for (var j = 0; j < logits.Length; j++)
        {
            probabilities[j] /= sum;
        }
    }

    /// <summary>The row-wise softmax of <paramref name="logits"/> at <paramref name="temperature"/> (1 = raw logits).</summary>
    public static Matrix Rows(Matrix logits, double temperature = 1.0)
    {
        ArgumentNullException.ThrowIfNull(logits);
        RequirePositive(temperature);
        var probabilities = new Matrix(logits.Rows, logits.Columns);
        for (var i = 0; i < logits.Rows; i++)
        {
            Row(logits.Row(i), temperature, probabilities.Row(i));
        }
        return probabilities;
    }

    private static void RequirePositive(double temperature)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "A temperature must be positive and finite.");
        }
    }
}
