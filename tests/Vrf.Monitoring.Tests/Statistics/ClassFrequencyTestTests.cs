using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Statistics;

public sealed class ClassFrequencyTestTests
{
    public static TheoryData<string> Names => DriftFixture.Names("class-frequencies.json");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_pooled_chi_squared_test_and_the_over_represented_classes_match_SciPy(string name)
    {
        var element = DriftFixture.Case("class-frequencies.json", name);

        var test = ClassFrequencyTest.Of(
            DriftFixture.Integers(element, "observed"),
            DriftFixture.Integers(element, "validation_counts"),
            element.GetProperty("over_represented").GetInt32());

        ClassFrequencyExpectation.Check(element, test);
    }

    [Fact]
    public void Histograms_of_different_lengths_negative_or_empty_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClassFrequencyTest.Of([1, 2], [1, 2, 3], 3));
        Assert.Throws<ArgumentException>(() => ClassFrequencyTest.Of([1, -2], [1, 2], 3));
        Assert.Throws<ArgumentException>(() => ClassFrequencyTest.Of([0, 0], [1, 2], 3));
        Assert.Throws<ArgumentException>(() => ClassFrequencyTest.Of([1, 2], [0, 0], 3));
    }
}
