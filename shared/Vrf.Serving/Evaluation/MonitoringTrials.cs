using Vrf.Monitoring;

namespace Vrf.Serving.Evaluation;

/// <summary>
/// What the drift monitor would have said about an evaluation's splits: each split's images, scored as served (VRF),
/// replayed in random order (drawn with replacement) through the monitor's window with its default settings
/// (<see cref="AlarmTrials"/>). The ID split gives the false alarms per 100 windows of in-distribution traffic; each OOD
/// split the results it takes, after a full window of ID traffic, to raise the alarm, and the ID results after that
/// to clear it. Seeded, so a second run gives the same figures.
/// </summary>
public sealed class MonitoringTrials(ValidationDistribution validation, DriftWindowOptions options)
{
    /// <summary>Windows of in-distribution traffic replayed for the false-alarm rate.</summary>
    public const int FalseAlarmWindows = 100;

    /// <summary>Shift-and-return runs per OOD split.</summary>
    public const int ShiftRuns = 20;

    private const int Seed = 20240613;

    /// <summary>The shifted results a run waits for the alarm, and then the ID results for the clearing.</summary>
    private int Patience => 4 * options.Capacity;

    public FalseAlarms FalseAlarms(IReadOnlyList<MonitoredResult> inDistribution)
    {
        var random = new Random(Seed);
        var alarms = AlarmTrials.FalseAlarms(validation, options, () => Draw(inDistribution, random), FalseAlarmWindows);
        return new FalseAlarms(alarms, FalseAlarmWindows, options.Capacity);
    }

    public ShiftDetectionDelay Delay(IReadOnlyList<MonitoredResult> inDistribution, IReadOnlyList<MonitoredResult> shifted)
    {
        var runs = new ShiftTrial[ShiftRuns];
        Parallel.For(0, ShiftRuns, run =>
        {
            var random = new Random(Seed + 1 + run);
            runs[run] = AlarmTrials.ShiftAndReturn(validation, options, () => Draw(inDistribution, random), () => Draw(shifted, random), Patience);
        });
        return new ShiftDetectionDelay(
            ShiftRuns,
            runs.Count(run => run.DetectedAfter is not null),
            Median(runs.Select(run => run.DetectedAfter)),
            runs.Max(run => run.DetectedAfter),
            Median(runs.Select(run => run.ClearedAfter)),
            Patience);
    }

    private static MonitoredResult Draw(IReadOnlyList<MonitoredResult> results, Random random) => results[random.Next(results.Count)];

    private static int? Median(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToArray();
        return sorted.Length == 0 ? null : sorted[sorted.Length / 2];
    }
}
