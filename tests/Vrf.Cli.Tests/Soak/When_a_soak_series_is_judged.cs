using Vrf.Cli.Commands.Bench.Soak;

namespace Vrf.Cli.Tests.Soak;

/// <summary>
/// The soak's slope test on series made here: flat and noisy-flat series pass (the noisiest fail about as often as the
/// test's 1 % significance level says), a steady climb (a leak) fails through its noise, a climb too small to matter or
/// one that only happens in the warm-up half passes, and a falling throughput fails.
/// </summary>
public sealed class When_a_soak_series_is_judged
{
    private const double Tolerance = 0.10;

    [Fact]
    public void A_flat_series_does_not_trend() =>
        Assert.False(TrendTest.Judge(new SoakSeries("flat", [.. Enumerable.Repeat(400.0, 10)], Tolerance, 16)).Trending);

    [Fact]
    public void A_flat_series_with_noise_well_inside_the_tolerance_never_trends()
    {
        var random = new Random(1206);
        for (var run = 0; run < 200; run++)
        {
            var values = Enumerable.Range(0, 10).Select(_ => 400 + 8 * (random.NextDouble() - 0.5)).ToArray();
            var verdict = TrendTest.Judge(new SoakSeries("noisy", values, Tolerance, 16));
            Assert.False(verdict.Trending, $"run {run}: {verdict}");
        }
    }

    [Fact]
    public void A_flat_series_as_noisy_as_its_tolerance_trends_in_about_one_run_in_a_hundred()
    {
        var random = new Random(1206);
        var trending = Enumerable.Range(0, 2000)
            .Select(_ => Enumerable.Range(0, 10).Select(_ => 400 + 80 * (random.NextDouble() - 0.5)).ToArray())
            .Count(values => TrendTest.Judge(new SoakSeries("noisy", values, Tolerance, 16)).Trending);
        Assert.InRange(trending, 1, 50);
    }

    [Fact]
    public void A_steady_climb_trends_through_its_noise()
    {
        var random = new Random(1206);
        for (var run = 0; run < 200; run++)
        {
            var values = Enumerable.Range(0, 20).Select(minute => 400 + 4.0 * minute + 10 * (random.NextDouble() - 0.5)).ToArray();
            var verdict = TrendTest.Judge(new SoakSeries("leaking", values, Tolerance, 16));
            Assert.True(verdict.Trending, $"run {run}: {verdict}");
        }
    }

    [Fact]
    public void An_exact_line_upwards_trends_and_its_growth_is_projected_over_the_whole_run()
    {
        var verdict = TrendTest.Judge(new SoakSeries("line", [.. Enumerable.Range(0, 10).Select(minute => 100.0 + 5 * minute)], Tolerance, 1));
        Assert.True(verdict.Trending, verdict.ToString());
        Assert.Equal(5, verdict.SlopePerInterval, 9);
        Assert.Equal(50, verdict.ProjectedGrowth, 9);
        Assert.Equal(5, verdict.Points);
    }

    [Fact]
    public void A_climb_smaller_than_the_tolerance_does_not_trend()
    {
        var verdict = TrendTest.Judge(new SoakSeries("creep", [.. Enumerable.Range(0, 10).Select(minute => 1000.0 + 0.5 * minute)], Tolerance, 16));
        Assert.False(verdict.Trending, verdict.ToString());
        Assert.True(verdict.ProjectedGrowth > 0);
    }

    [Fact]
    public void A_queue_that_sits_near_zero_is_held_to_its_floor_not_to_its_level()
    {
        var blips = new double[] { 0, 2, 0, 1, 0, 0, 3, 1, 0, 2 };
        Assert.False(TrendTest.Judge(new SoakSeries("queue", blips, Tolerance, 50)).Trending);
        var backlog = Enumerable.Range(0, 10).Select(minute => 100.0 * minute).ToArray();
        Assert.True(TrendTest.Judge(new SoakSeries("queue", backlog, Tolerance, 50)).Trending);
    }

    [Fact]
    public void Growth_only_in_the_warm_up_half_does_not_trend()
    {
        var values = new double[] { 100, 200, 300, 380, 400, 401, 399, 400, 402, 400 };
        Assert.False(TrendTest.Judge(new SoakSeries("warm-up", values, Tolerance, 16)).Trending);
    }

    [Fact]
    public void Falling_throughput_trends_and_rising_throughput_does_not()
    {
        var falling = Enumerable.Range(0, 10).Select(minute => 50.0 - 2 * minute).ToArray();
        Assert.True(TrendTest.Judge(new SoakSeries("images/s", falling, Tolerance, 0, FallingIsWorse: true)).Trending);
        Assert.False(TrendTest.Judge(new SoakSeries("images/s", [.. falling.Reverse()], Tolerance, 0, FallingIsWorse: true)).Trending);
    }

    [Fact]
    public void Too_few_intervals_are_not_judged_and_fail_the_soak()
    {
        var verdict = TrendTest.Judge(new SoakSeries("short", [400, 500, 600, 700], Tolerance, 16));
        Assert.False(verdict.Judged);
        Assert.False(new SoakVerdict([verdict], Failed: 0, Exited: [], Interrupted: false).Passed);
    }
}
