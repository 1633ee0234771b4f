using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Statistics;

public sealed class KolmogorovSmirnovTestTests
{
    public static TheoryData<string> Names => DriftFixture.Names("kolmogorov-smirnov.json");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_statistic_and_its_exact_p_value_match_SciPy_ks_2samp(string name)
    {
        var element = DriftFixture.Case("kolmogorov-smirnov.json", name);
        var first = DriftFixture.Numbers(element, "first").Order().ToArray();
        var second = DriftFixture.Numbers(element, "second").Order().ToArray();

        var test = KolmogorovSmirnovTest.Compare(first, second);

        Close.Equal(DriftFixture.Number(element, "statistic"), test.Statistic, relative: 1e-15, because: "D");
        Close.Equal(DriftFixture.Number(element, "p_value"), test.PValue, relative: 1e-9, because: "p");
        Assert.Equal((first.Length, second.Length), (test.FirstCount, test.SecondCount));
    }

    [Fact]
    public void The_test_is_symmetric_in_its_samples()
    {
        var element = DriftFixture.Case("kolmogorov-smirnov.json", "large_shift");
        var first = DriftFixture.Numbers(element, "first").Order().ToArray();
        var second = DriftFixture.Numbers(element, "second").Order().ToArray();

        var forward = KolmogorovSmirnovTest.Compare(first, second);
        var backward = KolmogorovSmirnovTest.Compare(second, first);

        Assert.Equal(forward.Statistic, backward.Statistic);
        Close.Equal(forward.PValue, backward.PValue, relative: 1e-12);
    }

    [Fact]
    public void Empty_unsorted_NaN_or_oversized_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compare([], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compare([2.0, 1.0], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compare([double.NaN], [1.0]));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.Compare(new double[KolmogorovSmirnovTest.MaxSampleSize + 1], [1.0]));
    }
}
