using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Validation;

public sealed class ValidationDistributionTests
{
    private static ValidationDistribution Exact(double[] sample) =>
        ValidationDistribution.Measure(sample, new int[sample.Length], classCount: 1);

    [Fact]
    public void The_percentile_is_the_share_of_validation_strictly_below_as_SciPy_counts_it()
    {
        var element = DriftFixture.Case("percentiles.json", "percentile_of");
        var validation = Exact(DriftFixture.Numbers(element, "sample"));

        var queries = DriftFixture.Numbers(element, "queries");

        var percentiles = queries.Select(validation.PercentileOf).ToArray();

        // SciPy computes count·100/n and divides by 100: equal up to the last bit.
        foreach (var (want, (got, query)) in DriftFixture.Numbers(element, "expected").Zip(percentiles.Zip(queries)))
        {
            Close.Equal(want, got, relative: 1e-15, because: $"percentile of {query}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(100)]
    [InlineData(101)]
    public void The_tail_threshold_is_NumPy_s_inverted_cdf_95th_percentile(int size)
    {
        var element = DriftFixture.Case("percentiles.json", $"tail_threshold_{size}");

        var validation = Exact(DriftFixture.Numbers(element, "sample"));

        Assert.Equal(DriftFixture.Number(element, "tail_threshold"), validation.TailThreshold);
    }

    [Fact]
    public void A_distance_is_above_the_tail_threshold_exactly_when_its_percentile_reaches_95_percent()
    {
        var validation = Exact(DriftFixture.Numbers(DriftFixture.Case("percentiles.json", "tail_threshold_101"), "sample"));

        foreach (var distance in validation.Distances.Concat(validation.Distances.Select(d => d + 1e-9)))
        {
            Assert.Equal(distance > validation.TailThreshold, validation.PercentileOf(distance) >= 0.95);
        }
    }

    [Fact]
    public void A_large_sample_is_kept_as_mid_point_quantiles()
    {
        var element = DriftFixture.Case("percentiles.json", "summarised");
        var sample = DriftFixture.Numbers(element, "sample");

        var validation = ValidationDistribution.Measure(sample, new int[sample.Length], 1, element.GetProperty("max_stored").GetInt32());

        Assert.True(validation.IsSummarised);
        Assert.Equal(sample.Length, validation.ImageCount);
        Assert.Equal(DriftFixture.Numbers(element, "stored"), validation.Distances);
        Assert.Equal(DriftFixture.Number(element, "tail_threshold"), validation.TailThreshold);
        Assert.InRange(Math.Abs(validation.TailThreshold - DriftFixture.Number(element, "full_tail_threshold")), 0, 0.05);
    }

    [Fact]
    public void Infinity_is_more_unusual_than_every_validation_image_even_infinite_ones()
    {
        var validation = Exact([0.1, 0.2, double.PositiveInfinity]);

        Assert.Equal(1.0, validation.PercentileOf(double.PositiveInfinity));
        Assert.Equal(2.0 / 3, validation.PercentileOf(5));
        Assert.Equal(double.PositiveInfinity, validation.TailThreshold);
    }

    [Fact]
    public void All_equal_distances_put_every_equal_distance_at_zero_and_every_larger_one_at_one()
    {
        var validation = Exact([0.5, 0.5, 0.5, 0.5]);

        Assert.Equal(0.0, validation.PercentileOf(0.5));
        Assert.Equal(1.0, validation.PercentileOf(0.50001));
        Assert.Equal(0.5, validation.TailThreshold);
    }

    [Fact]
    public void NaN_or_negative_distances_are_refused_when_measured_and_when_queried()
    {
        Assert.Throws<ArgumentException>(() => Exact([0.1, double.NaN]));
        Assert.Throws<ArgumentException>(() => Exact([-0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact([0.1]).PercentileOf(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact([0.1]).PercentileOf(-1));
    }

    [Fact]
    public void Predicted_classes_are_counted_per_class()
    {
        var validation = ValidationDistribution.Measure([0.1, 0.2, 0.3, 0.4], [2, 0, 2, 2], classCount: 4);

        Assert.Equal([1, 0, 3, 0], validation.PredictedClassCounts);
        Assert.Throws<ArgumentException>(() => ValidationDistribution.Measure([0.1], [4], classCount: 4));
        Assert.Throws<ArgumentException>(() => ValidationDistribution.Measure([0.1, 0.2], [0], classCount: 4));
    }

    [Fact]
    public void Inconsistent_recorded_parts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ValidationDistribution(2, [0.2, 0.1], [2]));
        Assert.Throws<ArgumentException>(() => new ValidationDistribution(2, [0.1, 0.2, 0.3], [2]));
        Assert.Throws<ArgumentException>(() => new ValidationDistribution(2, [0.1, 0.2], [1]));
        Assert.Throws<ArgumentException>(() => new ValidationDistribution(2, [], [2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationDistribution(0, [0.1], [0]));
    }
}
