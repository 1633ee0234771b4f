namespace Vrf.Method.Tests.Calibration;

public sealed class TemperatureCalibrationTests
{
    [Fact]
    public void The_fitted_temperature_brings_mean_confidence_within_the_threshold_of_accuracy()
    {
        var random = new Random(3);
        var logits = new Matrix(200, 4, [.. Enumerable.Range(0, 800).Select(_ => random.NextDouble() * 10)]);

        var calibrated = TemperatureCalibration.Reference.FitToAccuracy(logits, 0.6);

        Assert.True(Math.Abs(TemperatureCalibration.MeanConfidence(logits, calibrated.Temperature) - 0.6) <= 0.001);
        Assert.Equal(calibrated.Temperature, calibrated.Trace[^1].MidTemperature);
        Assert.Equal(calibrated.Steps, calibrated.Trace.Count);
    }

    [Fact]
    public void Each_turn_records_the_bracket_the_midpoint_and_their_confidences()
    {
        var logits = new Matrix(3, 3, [3, 0, 0, 0, 2, 0, 1, 0, 1]);

        var step = TemperatureCalibration.Reference.FitToAccuracy(logits, 0.5).Trace[0];

        Assert.Equal(0.1, step.LowTemperature);
        Assert.Equal(10, step.HighTemperature);
        Assert.Equal(TemperatureCalibration.MeanConfidence(logits, 0.1), step.LowConfidence);
        Assert.Equal(TemperatureCalibration.MeanConfidence(logits, 10), step.HighConfidence);
        var alpha = Math.Abs(step.LowConfidence - 0.5) / (Math.Abs(step.LowConfidence - 0.5) + Math.Abs(step.HighConfidence - 0.5));
        Assert.Equal(0.1 * (1 - alpha) + 10 * alpha, step.MidTemperature);
        Assert.Equal([step.LowTemperature, step.HighTemperature, step.MidTemperature, step.LowConfidence, step.HighConfidence, step.MidConfidence], step.ToRow());
    }

    [Fact]
    public void When_the_accuracy_cannot_be_reached_the_step_guard_stops_the_search_with_a_clear_error()
    {
        var uniform = new Matrix(4, 2, [1, 1, 2, 2, 0, 0, 5, 5]);

        var error = Assert.Throws<CalibrationFailedException>(() => (TemperatureCalibration.Reference with { MaxSteps = 50 }).FitToAccuracy(uniform, 0.9));

        Assert.Contains("after 50 steps", error.Message);
    }

    [Fact]
    public void An_accuracy_below_chance_cannot_be_matched_and_the_error_says_why()
    {
        var logits = new Matrix(2, 4, [1, 0, 0, 0, 0, 2, 0, 0]);

        var error = Assert.Throws<CalibrationFailedException>(() => TemperatureCalibration.Reference.FitToAccuracy(logits, 0.2));

        Assert.EndsWith("the mean confidence never falls below chance, 1/4, so an accuracy below it cannot be matched.", error.Message);
    }

    [Fact]
    public void Confidence_is_the_mean_of_each_row_top_probability()
    {
        var logits = new Matrix(2, 2, [0, 0, Math.Log(3), 0]);

        Assert.Equal((0.5 + 0.75) / 2, TemperatureCalibration.MeanConfidence(logits, 1), 15);
    }
}
