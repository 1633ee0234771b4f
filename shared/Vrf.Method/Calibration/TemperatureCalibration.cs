namespace Vrf.Method;

/// <summary>
/// Fits T so that the mean max-confidence of softmax(z / T) equals the model's top-1 accuracy on a held-out
/// validation split. This is the released code's heuristic (its <c>Calibrater</c>), reproduced step for step but as a
/// loop: interpolate between the bracket ends by their confidence gaps, stop when the midpoint is within
/// <see cref="Threshold"/>, otherwise widen the bracket by <see cref="Expand"/> or move one end to the midpoint.
/// It is not a bisection and can lose the bracket and widen it again.
/// </summary>
public sealed record TemperatureCalibration(
    double InitialLow = 0.1,
    double InitialHigh = 10.0,
    double Threshold = 0.001,
    double Expand = 1.1,
    int MaxSteps = 1000)
{
    /// <summary>The constants of the released code, with a guard of 1000 steps (the original recursed and died near 995).</summary>
    public static TemperatureCalibration Reference { get; } = new();

    /// <summary>conf(T) = mean over rows of max_k softmax(z / T)_k.</summary>
    public static double MeanConfidence(Matrix logits, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (logits.Rows == 0)
        {
            throw new ArgumentException("The confidence of no rows is undefined.", nameof(logits));
        }
        var probabilities = new double[logits.Columns];
        var sum = 0.0;
        for (var i = 0; i < logits.Rows; i++)
        {
            Softmax.Row(logits.Row(i), temperature, probabilities);
            sum += probabilities.Max();
        }
        return sum / logits.Rows;
    }

    /// <summary>Fits T to the accuracy of <paramref name="logits"/> against <paramref name="labels"/>.</summary>
    public CalibratedTemperature Fit(Matrix logits, IReadOnlyList<int> labels) =>
        FitToAccuracy(logits, Accuracy.Of(logits, labels));

    public CalibratedTemperature FitToAccuracy(Matrix logits, double accuracy)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Validate();
        var low = InitialLow;
        var high = InitialHigh;
        var trace = new List<CalibrationStep>();
        while (trace.Count < MaxSteps)
        {
            var lowConfidence = MeanConfidence(logits, low);
            var lowGap = Math.Abs(lowConfidence - accuracy);
            var highConfidence = MeanConfidence(logits, high);
            var highGap = Math.Abs(highConfidence - accuracy);
            var alpha = lowGap / (lowGap + highGap);
            var mid = low * (1 - alpha) + high * alpha;
            if (!double.IsFinite(mid) || mid <= 0)
            {
                throw new CalibrationFailedException(
                    $"Temperature search broke down at step {trace.Count + 1}: bracket [{low}, {high}] gave midpoint {mid}.");
            }
            var midConfidence = MeanConfidence(logits, mid);
            trace.Add(new CalibrationStep(low, high, mid, lowConfidence, highConfidence, midConfidence));
            if (Math.Abs(midConfidence - accuracy) <= Threshold)
            {
                return new CalibratedTemperature(mid, accuracy, trace);
            }
            if (highConfidence > accuracy)
            {
                high *= Expand;
            }
            else if (lowConfidence < accuracy)
            {
                low /= Expand;
            }
            else if (lowGap < highGap)
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }
        var last = trace[^1];
        var chance = 1.0 / logits.Columns;
        throw new CalibrationFailedException(
            $"Temperature search did not reach accuracy {accuracy} within {Threshold} after {MaxSteps} steps " +
            $"(last bracket [{last.LowTemperature}, {last.HighTemperature}], confidences [{last.LowConfidence}, {last.HighConfidence}])" +
            (accuracy < chance ? $": the mean confidence never falls below chance, 1/{logits.Columns}, so an accuracy below it cannot be matched." : "."));
    }

    private void Validate()
    {
        if (!(InitialLow > 0) || !(InitialHigh > InitialLow) || !double.IsFinite(InitialHigh))
        {
            throw new ArgumentException($"The initial bracket [{InitialLow}, {InitialHigh}] must satisfy 0 < low < high < ∞.");
        }
        if (!(Threshold > 0) || !(Expand > 1) || MaxSteps < 1)
        {
            throw new ArgumentException("The threshold must be positive, the expansion factor above 1 and the step limit at least 1.");
        }
    }
}
