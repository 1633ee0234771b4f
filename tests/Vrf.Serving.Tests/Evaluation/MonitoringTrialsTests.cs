using Vrf.Monitoring;
using Vrf.Serving.Evaluation;

namespace Vrf.Serving.Tests.Evaluation;

/// <summary>
/// The drift monitor's trials of <c>vrf eval</c> on results drawn for the purpose: ten classes, d uniform on [0, 1) in
/// distribution (validation and ID alike, 2,000 images each), shifted results with d moved up by a given amount.
/// </summary>
public sealed class MonitoringTrialsTests
{
    private const int Classes = 10;
    private static readonly DriftWindowOptions Options = new();

    private readonly ValidationDistribution _validation;
    private readonly MonitoredResult[] _inDistribution;

    public MonitoringTrialsTests()
    {
        var random = new Random(7);
        var validation = Enumerable.Range(0, 2000).Select(_ => Draw(random, shift: 0)).ToArray();
        _validation = ValidationDistribution.Measure([.. validation.Select(result => result.Distance!.Value)],
            [.. validation.Select(result => result.PredictedClass)], Classes);
        _inDistribution = [.. Enumerable.Range(0, 2000).Select(_ => Draw(random, shift: 0))];
    }

    [Fact]
    public void In_distribution_traffic_raises_at_most_one_false_alarm_in_100_windows()
    {
        var alarms = new MonitoringTrials(_validation, Options).FalseAlarms(_inDistribution);

        Assert.Equal(MonitoringTrials.FalseAlarmWindows, alarms.Windows);
        Assert.Equal(Options.Capacity, alarms.WindowSize);
        Assert.InRange(alarms.Alarms, 0, 1);
    }

    [Fact]
    public void A_shift_of_d_is_detected_in_every_run_sooner_the_larger_it_is_and_clears_on_in_distribution_traffic()
    {
        var trials = new MonitoringTrials(_validation, Options);
        var random = new Random(8);

        var small = trials.Delay(_inDistribution, [.. Enumerable.Range(0, 1000).Select(_ => Draw(random, shift: 0.2))]);
        var large = trials.Delay(_inDistribution, [.. Enumerable.Range(0, 1000).Select(_ => Draw(random, shift: 0.6))]);

        foreach (var delay in new[] { small, large })
        {
            Assert.Equal(MonitoringTrials.ShiftRuns, delay.Runs);
            Assert.Equal(delay.Runs, delay.Detected);
            Assert.InRange(delay.MaxResults!.Value, delay.MedianResults!.Value, delay.Patience);
            Assert.InRange(delay.MedianResultsToClear!.Value, Options.ClearAfterResults, delay.Patience);
        }
        Assert.True(large.MedianResults < small.MedianResults, $"{large} against {small}");
        Assert.InRange(large.MedianResults!.Value, 1, 200);
    }

    [Fact]
    public void In_distribution_traffic_as_the_shifted_split_is_not_detected_and_a_second_run_gives_the_same_figures()
    {
        var trials = new MonitoringTrials(_validation, Options);

        var same = trials.Delay(_inDistribution, _inDistribution);

        Assert.InRange(same.Detected, 0, 1);
        Assert.Equal(same, new MonitoringTrials(_validation, Options).Delay(_inDistribution, _inDistribution));
    }

    /// <summary>A result of a version that predicts every class equally often; d uniform on [shift, shift + 1).</summary>
    private static MonitoredResult Draw(Random random, double shift)
    {
        var predicted = random.Next(Classes);
        return new MonitoredResult(predicted, predicted, predicted, shift + random.NextDouble(), 0.5);
    }
}
