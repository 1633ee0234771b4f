using System.Text.Json;
using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Window;

public sealed class WindowStatisticsTests
{
    public static TheoryData<string> Names => DriftFixture.Names("windows.json");

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_statistic_of_a_window_matches_SciPy(string name)
    {
        var element = DriftFixture.Case("windows.json", name);
        var validation = Validation(element.GetProperty("validation"));
        var window = new DriftWindow(validation, new DriftWindowOptions { OverRepresentedClasses = element.GetProperty("over_represented").GetInt32() }, new ManualClock());
        var results = element.GetProperty("results").EnumerateArray().Select(Result).ToArray();
        foreach (var result in results)
        {
            window.Add(result);
        }

        var statistics = window.Report().Statistics;

        var expected = element.GetProperty("expected");
        Assert.Equal(expected.GetProperty("count").GetInt32(), statistics.Count);
        Assert.Equal(expected.GetProperty("distance_count").GetInt32(), statistics.DistanceCount);
        Close.Equal(DriftFixture.Number(expected, "disagreement"), statistics.Disagreement!.Value, relative: 1e-15, because: "disagreement");
        Close.Equal(DriftFixture.Number(expected, "mean_weight"), statistics.MeanWeight!.Value, relative: 1e-14, because: "mean ω");
        Assert.Equal(DriftFixture.Number(expected, "tail_threshold"), validation.TailThreshold);
        Assert.Equal(expected.GetProperty("above").GetInt32(), statistics.DistanceTail!.Above);
        Assert.Equal(DriftFixture.Number(expected, "share_above_p95"), statistics.DistanceTail.Share);
        Close.Equal(DriftFixture.Number(expected, "binomial_p"), statistics.DistanceTail.PValue, relative: 1e-11, absolute: 1e-15, because: "binomial p");
        Close.Equal(DriftFixture.Number(expected, "ks"), statistics.DistanceDistribution!.Statistic, relative: 1e-15, because: "KS");
        Close.Equal(DriftFixture.Number(expected, "ks_p"), statistics.DistanceDistribution.PValue, relative: 1e-9, because: "KS p");
        ClassFrequencyExpectation.Check(expected, statistics.ClassFrequencies!);
        foreach (var (want, distance) in DriftFixture.Numbers(expected, "percentiles").Zip(results.Where(result => result.Distance is not null)))
        {
            Close.Equal(want, validation.PercentileOf(distance.Distance!.Value), relative: 1e-15, because: $"percentile of {distance.Distance}");
        }
    }

    private static ValidationDistribution Validation(JsonElement element) =>
        ValidationDistribution.Measure(
            DriftFixture.Numbers(element, "distances"),
            DriftFixture.Integers(element, "predicted_classes"),
            element.GetProperty("class_count").GetInt32(),
            element.GetProperty("max_stored").GetInt32());

    private static MonitoredResult Result(JsonElement element) => new(
        element.GetProperty("predicted").GetInt32(),
        element.GetProperty("zero_shot").GetInt32(),
        element.GetProperty("fine_tuned").GetInt32(),
        element.GetProperty("distance").ValueKind == JsonValueKind.Null ? null : DriftFixture.Number(element, "distance"),
        element.GetProperty("weight").ValueKind == JsonValueKind.Null ? null : DriftFixture.Number(element, "weight"));
}
