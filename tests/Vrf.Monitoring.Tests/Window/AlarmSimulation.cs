namespace Vrf.Monitoring.Tests.Window;

/// <summary>Streams of simulated traffic (<see cref="SimulatedTraffic"/>) through <see cref="AlarmTrials"/>.</summary>
public static class AlarmSimulation
{
    /// <summary>How many alarms <paramref name="windows"/> windows' worth of in-distribution results raise: resampled
    /// from the validation split itself, or <paramref name="fresh"/> draws from the population it came from.</summary>
    public static int FalseAlarms(int seed, int windows, DriftWindowOptions options, bool fresh, int validationImages = 1000)
    {
        var traffic = new SimulatedTraffic(seed, validationImages);
        return AlarmTrials.FalseAlarms(traffic.Validation, options, fresh ? traffic.FreshInDistribution : traffic.InDistribution, windows);
    }

    /// <summary>A window of in-distribution results, then <paramref name="shifted"/> ones until the alarm, then
    /// in-distribution ones until it clears (<see cref="AlarmTrials.ShiftAndReturn"/>).</summary>
    public static ShiftTrial ShiftAndReturn(int seed, DriftWindowOptions options, Func<SimulatedTraffic, MonitoredResult> shifted, int patience)
    {
        var traffic = new SimulatedTraffic(seed);
        return AlarmTrials.ShiftAndReturn(traffic.Validation, options, traffic.InDistribution, () => shifted(traffic), patience);
    }
}
