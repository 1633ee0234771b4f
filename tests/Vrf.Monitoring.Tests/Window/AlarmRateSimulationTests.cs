namespace Vrf.Monitoring.Tests.Window;

/// <summary>
/// The defaults against simulated traffic (<see cref="SimulatedTraffic"/>): in-distribution results drawn from a
/// version's own validation split, then shifted ones. The long measurement behind the defaults is the explicit test
/// at the end, run by hand with <c>dotnet test … --filter AlarmRateSimulation -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class AlarmRateSimulationTests(ITestOutputHelper output)
{
    private const int Windows = 100;

    [Fact]
    public void In_distribution_traffic_raises_at_most_one_alarm_in_100_windows()
    {
        var options = new DriftWindowOptions();

        var resampled = AlarmSimulation.FalseAlarms(seed: 1, Windows, options, fresh: false);
        var fresh = AlarmSimulation.FalseAlarms(seed: 2, Windows, options, fresh: true);

        Assert.InRange(resampled, 0, 1);
        Assert.InRange(fresh, 0, 1);
    }

    [Fact]
    public void A_shift_in_distance_is_detected_within_200_results_and_clears_once_traffic_is_back()
    {
        var options = new DriftWindowOptions();

        var run = AlarmSimulation.ShiftAndReturn(seed: 3, options, traffic => traffic.DistanceShifted(scale: 0.2), patience: 4 * options.Capacity);

        Assert.Equal(0, run.FalseAlarmsBefore);
        Assert.InRange(run.DetectedAfter ?? int.MaxValue, 1, 200);
        Assert.NotNull(run.ClearedAfter);
        Assert.Equal([DriftAlarmChange.Detected, DriftAlarmChange.Cleared], run.Changes.Select(change => change.Change));
        var detected = run.Changes[0];
        Assert.Contains(DriftTest.DistanceTail, detected.Tests);
        Assert.True(detected.Statistics.DistanceTail!.PValue < options.DistanceTailRaiseBelow);
    }

    [Fact]
    public void A_label_shift_is_detected_within_a_window_and_names_the_over_represented_class()
    {
        var options = new DriftWindowOptions();

        var run = AlarmSimulation.ShiftAndReturn(seed: 4, options, traffic => traffic.LabelShifted(factor: 4), patience: 4 * options.Capacity);

        Assert.InRange(run.DetectedAfter ?? int.MaxValue, 1, options.Capacity);
        var detected = run.Changes[0];
        Assert.Equal([DriftTest.ClassFrequencies], detected.Tests);
        Assert.Equal(3, detected.Statistics.ClassFrequencies!.MostOverRepresented[0].ClassIndex);
        Assert.Equal(DriftAlarmChange.Cleared, run.Changes[^1].Change);
    }

    [Fact(Explicit = true)]
    public void Measure_false_alarms_and_detection_delays_of_the_defaults()
    {
        var options = new DriftWindowOptions();
        var streams = int.Parse(Environment.GetEnvironmentVariable("DRIFT_SIMULATION_STREAMS") ?? "20");
        foreach (var (fresh, validationImages) in new[] { (false, 1000), (true, 1000), (true, 4096) })
        {
            var alarms = new int[streams];
            Parallel.For(0, streams, seed => alarms[seed] = AlarmSimulation.FalseAlarms(1000 + seed, Windows, options, fresh, validationImages));
            output.WriteLine(
                $"false alarms, {(fresh ? "fresh population draws" : "resampled validation")}, validation of {validationImages}: " +
                $"{alarms.Sum()} in {streams * Windows} windows of {options.Capacity} = {100.0 * alarms.Sum() / (streams * Windows):F2} per 100 windows");
        }
        var shifts = new (string Name, Func<SimulatedTraffic, MonitoredResult> Draw)[]
        {
            ("d scale 0.13 (validation 0.1)", traffic => traffic.DistanceShifted(0.13)),
            ("d scale 0.15", traffic => traffic.DistanceShifted(0.15)),
            ("d scale 0.2", traffic => traffic.DistanceShifted(0.2)),
            ("d scale 0.3", traffic => traffic.DistanceShifted(0.3)),
            ("class 3 twice as frequent", traffic => traffic.LabelShifted(2)),
            ("class 3 four times as frequent", traffic => traffic.LabelShifted(4)),
        };
        foreach (var (name, draw) in shifts)
        {
            var runs = new ShiftTrial[streams];
            Parallel.For(0, streams, seed => runs[seed] = AlarmSimulation.ShiftAndReturn(2000 + seed, options, draw, patience: 10 * options.Capacity));
            output.WriteLine(
                $"{name}: detected in {runs.Count(run => run.DetectedAfter is not null)}/{streams}, after {Spread(runs.Select(run => run.DetectedAfter))} results; " +
                $"cleared after {Spread(runs.Select(run => run.ClearedAfter))} in-distribution results; " +
                $"alarm changes per run {Spread(runs.Select(run => (int?)run.Changes.Count))}");
        }
    }

    private static string Spread(IEnumerable<int?> values)
    {
        var sorted = values.OfType<int>().Order().ToArray();
        return sorted.Length == 0 ? "n/a" : $"median {sorted[sorted.Length / 2]} (min {sorted[0]}, max {sorted[^1]})";
    }
}
