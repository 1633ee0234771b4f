namespace Vrf.Monitoring.Tests.Validation;

public sealed class ValidationDistributionJsonTests
{
    [Fact]
    public void A_distribution_reads_back_as_written_infinity_included()
    {
        var written = ValidationDistribution.Measure([0.3, 0.1, double.PositiveInfinity, 0.2], [1, 0, 2, 1], classCount: 3);

        var read = ValidationDistributionJson.Deserialize(ValidationDistributionJson.Serialize(written));

        Assert.Equal(written.ImageCount, read.ImageCount);
        Assert.Equal(written.Distances, read.Distances);
        Assert.Equal(written.PredictedClassCounts, read.PredictedClassCounts);
        Assert.Equal(written.TailThreshold, read.TailThreshold);
    }

    [Fact]
    public void The_JSON_names_its_schema_and_uses_snake_case()
    {
        var json = ValidationDistributionJson.Serialize(ValidationDistribution.Measure([0.5, double.PositiveInfinity], [0, 0], classCount: 1));

        Assert.Contains($"\"schema\": \"{ValidationDistributionJson.CurrentSchema}\"", json);
        Assert.Contains("\"image_count\": 2", json);
        Assert.Contains("\"predicted_class_counts\"", json);
        Assert.Contains("\"Infinity\"", json);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"schema": "vrf-validation-distribution/0", "image_count": 1, "distances": [0.1], "predicted_class_counts": [1]}""")]
    [InlineData("""{"schema": "vrf-validation-distribution/1", "image_count": 1, "distances": [0.1]}""")]
    [InlineData("""{"schema": "vrf-validation-distribution/1", "image_count": 2, "distances": [0.2, 0.1], "predicted_class_counts": [2]}""")]
    [InlineData("""{"schema": "vrf-validation-distribution/1", "image_count": 1, "distances": [-0.1], "predicted_class_counts": [1]}""")]
    public void Anything_else_is_refused_with_a_reason(string json)
    {
        var error = Assert.Throws<InvalidDataException>(() => ValidationDistributionJson.Deserialize(json));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
