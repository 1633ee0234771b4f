using System.ComponentModel.DataAnnotations;

namespace Vrf.Monitoring.Tests.Window;

public sealed class DriftWindowTests
{
    private static readonly ValidationDistribution Uniform = ValidationDistribution.Measure(
        [.. Enumerable.Range(1, 100).Select(i => i / 100.0)], new int[100], classCount: 1);

    private static MonitoredResult Result(double? distance, int predicted = 0, int zeroShot = 0) =>
        new(predicted, zeroShot, predicted, distance, distance is null ? null : 0.5);

    [Fact]
    public void An_empty_window_reports_no_statistics_and_no_alarm()
    {
        var report = new DriftWindow(Uniform, new DriftWindowOptions(), new ManualClock()).Report();

        Assert.Equal(new WindowStatistics(0, null, null, 0, null, null, null, null, null), report.Statistics);
        Assert.False(report.Alarm);
        Assert.Null(report.Since);
    }

    [Fact]
    public void The_window_keeps_only_the_most_recent_results_up_to_its_capacity()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var window = new DriftWindow(Uniform, new DriftWindowOptions { Capacity = 5, MinimumResults = 5 }, clock);
        for (var i = 0; i < 8; i++)
        {
            window.Add(Result(i < 3 ? 0.99 : 0.5));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var statistics = window.Report().Statistics;

        Assert.Equal((5, 5, 0), (statistics.Count, statistics.DistanceCount, statistics.DistanceTail!.Above));
        Assert.Equal((start.AddSeconds(3), start.AddSeconds(7)), (statistics.From!.Value, statistics.To!.Value));
    }

    [Fact]
    public void Results_older_than_the_time_bound_leave_the_window()
    {
        var clock = new ManualClock();
        var start = clock.GetUtcNow();
        var window = new DriftWindow(Uniform, new DriftWindowOptions { MaxAge = TimeSpan.FromMinutes(10), MinimumResults = 1 }, clock);
        window.Add(Result(0.2));
        window.Add(Result(0.3));
        clock.Advance(TimeSpan.FromMinutes(6));
        window.Add(Result(0.4));

        clock.Advance(TimeSpan.FromMinutes(5));
        var afterEleven = window.Report().Statistics;
        clock.Advance(TimeSpan.FromMinutes(6));
        var afterSeventeen = window.Report().Statistics;

        Assert.Equal((1, 1), (afterEleven.Count, afterEleven.DistanceDistribution!.FirstCount));
        Assert.Equal(start.AddMinutes(6), afterEleven.From);
        Assert.Equal(0, afterSeventeen.Count);
    }

    [Fact]
    public void Results_without_a_distance_count_toward_classes_and_disagreement_only()
    {
        var validation = ValidationDistribution.Measure([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], classCount: 2);
        var window = new DriftWindow(validation, new DriftWindowOptions(), new ManualClock());
        window.Add(Result(null, predicted: 1, zeroShot: 0));
        window.Add(Result(null, predicted: 1, zeroShot: 1));
        window.Add(Result(0.25, predicted: 0, zeroShot: 0));

        var statistics = window.Report().Statistics;

        Assert.Equal((3, 1), (statistics.Count, statistics.DistanceCount));
        Assert.Equal(1.0 / 3, statistics.Disagreement);
        Assert.Equal(0.5, statistics.MeanWeight);
        Assert.Equal(1, statistics.DistanceDistribution!.FirstCount);
        Assert.Equal([2], statistics.ClassFrequencies!.MostOverRepresented.Select(c => c.Observed));
    }

    [Fact]
    public void Without_any_distance_the_distance_tests_are_absent_and_cannot_move_the_alarm()
    {
        var window = new DriftWindow(Uniform, new DriftWindowOptions { MinimumResults = 1 }, new ManualClock());

        var change = window.Add(Result(null));

        Assert.Null(change);
        Assert.Null(window.Report().Statistics.DistanceTail);
        Assert.Null(window.Report().Statistics.DistanceDistribution);
        Assert.Null(window.Report().Statistics.MeanWeight);
    }

    [Fact]
    public void Fewer_results_than_the_minimum_never_raise_the_alarm()
    {
        var window = new DriftWindow(Uniform, new DriftWindowOptions { MinimumResults = 30 }, new ManualClock());

        var early = Enumerable.Range(0, 29).Select(_ => window.Add(Result(double.PositiveInfinity))).ToArray();
        var thirtieth = window.Add(Result(double.PositiveInfinity));

        Assert.All(early, Assert.Null);
        Assert.Equal(DriftAlarmChange.Detected, thirtieth!.Change);
        Assert.Equal([DriftTest.DistanceTail, DriftTest.DistanceDistribution], thirtieth.Tests);
        Assert.Equal(1.0, thirtieth.Statistics.DistanceTail!.Share);
    }

    /// <summary>
    /// 20 results, 100 uniform validation distances: the tail test raises at 6 above the 95th percentile
    /// (p ≈ 3·10⁻⁴ &lt; 10⁻³), holds at 4 or 5 (p between 10⁻³ and 0.05) and counts toward clearing at 3 or fewer.
    /// </summary>
    [Fact]
    public void Between_its_raise_and_clear_levels_a_test_holds_the_alarm_and_clearing_needs_a_run_of_results()
    {
        var options = new DriftWindowOptions
        {
            Capacity = 20, MinimumResults = 20, ClearAfterResults = 5,
            DistanceTailRaiseBelow = 1e-3, DistanceTailClearAbove = 0.05,
            DistanceDistributionRaiseBelow = 0, DistanceDistributionClearAbove = 1e-300,
            ClassFrequenciesRaiseBelow = 0, ClassFrequenciesClearAbove = 1e-300,
        };
        var window = new DriftWindow(Uniform, options, new ManualClock());
        const double above = 0.99, below = 0.5;
        var changes = new List<(int Index, DriftAlarmEvent Change, int Above)>();
        var index = 0;
        void Add(double distance)
        {
            if (window.Add(Result(distance)) is { } change)
            {
                changes.Add((index, change, change.Statistics.DistanceTail!.Above));
            }
            index++;
        }

        foreach (var distance in Enumerable.Repeat(below, 14).Concat(Enumerable.Repeat(above, 6)))
        {
            Add(distance);
        }
        var holding = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            // 5 above in every 20: once the first six have left, the window holds exactly 5.
            Add(i % 20 < 5 ? above : below);
            holding.Add(window.Report().Statistics.DistanceTail!.Above);
        }
        var tailPValues = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            Add(below);
            tailPValues.Add(window.Report().Statistics.DistanceTail!.PValue);
        }

        Assert.Equal(2, changes.Count);
        Assert.Equal((19, DriftAlarmChange.Detected, 6), (changes[0].Index, changes[0].Change.Change, changes[0].Above));
        Assert.All(holding.Skip(20), count => Assert.Equal(5, count));
        var firstBack = tailPValues.FindIndex(p => p > options.DistanceTailClearAbove);
        Assert.Equal(DriftAlarmChange.Cleared, changes[1].Change.Change);
        Assert.Equal(120 + firstBack + options.ClearAfterResults - 1, changes[1].Index);
        Assert.True(changes[1].Above <= 3);
    }

    [Fact]
    public void An_alarm_stays_raised_when_its_results_age_out_and_no_new_ones_come()
    {
        var clock = new ManualClock();
        var window = new DriftWindow(Uniform, new DriftWindowOptions { MinimumResults = 10, MaxAge = TimeSpan.FromMinutes(1) }, clock);
        var changes = Enumerable.Range(0, 10).Select(_ => window.Add(Result(double.PositiveInfinity))).OfType<DriftAlarmEvent>().ToArray();
        var raisedAt = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromMinutes(5));
        var report = window.Report();

        Assert.Single(changes);
        Assert.Equal(0, report.Statistics.Count);
        Assert.True(report.Alarm);
        Assert.Equal(raisedAt, report.Since);
    }

    [Fact]
    public void Results_from_many_threads_are_all_counted_and_raise_exactly_one_alarm()
    {
        var window = new DriftWindow(Uniform, new DriftWindowOptions { Capacity = 400 }, new ManualClock());
        var changes = new System.Collections.Concurrent.ConcurrentBag<DriftAlarmEvent>();

        Parallel.For(0, 800, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (window.Add(Result(i % 2 == 0 ? double.PositiveInfinity : 0.5)) is { } change)
            {
                changes.Add(change);
            }
        });

        var statistics = window.Report().Statistics;
        Assert.Equal(400, statistics.Count);
        Assert.Equal(DriftAlarmChange.Detected, Assert.Single(changes).Change);
    }

    [Fact]
    public void Results_that_do_not_fit_the_version_are_refused()
    {
        var window = new DriftWindow(Uniform, new DriftWindowOptions(), new ManualClock());

        Assert.Throws<ArgumentException>(() => window.Add(new MonitoredResult(1, 0, 0, 0.5, 0.5)));
        Assert.Throws<ArgumentException>(() => window.Add(new MonitoredResult(0, -1, 0, 0.5, 0.5)));
        Assert.Throws<ArgumentException>(() => window.Add(new MonitoredResult(0, 0, 0, double.NaN, 0.5)));
        Assert.Throws<ArgumentException>(() => window.Add(new MonitoredResult(0, 0, 0, -0.1, 0.5)));
        Assert.Throws<ArgumentException>(() => window.Add(new MonitoredResult(0, 0, 0, 0.5, 1.5)));
        Assert.Equal(0, window.Report().Statistics.Count);
    }

    [Theory]
    [InlineData(nameof(DriftWindowOptions.Capacity))]
    [InlineData(nameof(DriftWindowOptions.MinimumResults))]
    [InlineData(nameof(DriftWindowOptions.DistanceTailClearAbove))]
    [InlineData(nameof(DriftWindowOptions.ClassFrequenciesRaiseBelow))]
    [InlineData(nameof(DriftWindowOptions.MaxAge))]
    public void Options_that_cannot_work_are_refused_with_the_setting_named(string setting)
    {
        var options = new DriftWindowOptions();
        switch (setting)
        {
            case nameof(DriftWindowOptions.Capacity): options.Capacity = KolmogorovSmirnovTest.MaxSampleSize + 1; break;
            case nameof(DriftWindowOptions.MinimumResults): options.MinimumResults = options.Capacity + 1; break;
            case nameof(DriftWindowOptions.DistanceTailClearAbove): options.DistanceTailClearAbove = options.DistanceTailRaiseBelow; break;
            case nameof(DriftWindowOptions.ClassFrequenciesRaiseBelow): options.ClassFrequenciesRaiseBelow = 0.5; break;
            case nameof(DriftWindowOptions.MaxAge): options.MaxAge = TimeSpan.Zero; break;
        }

        var error = Assert.Throws<ValidationException>(() => new DriftWindow(Uniform, options, new ManualClock()));

        Assert.Contains(setting.Replace("RaiseBelow", "").Replace("ClearAbove", ""), error.Message);
    }
}
