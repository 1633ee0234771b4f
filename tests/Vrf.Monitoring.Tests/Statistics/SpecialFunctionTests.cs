using System.Text.Json;
using Vrf.Monitoring.Tests.Fixtures;

namespace Vrf.Monitoring.Tests.Statistics;

public sealed class SpecialFunctionTests
{
    private static IEnumerable<JsonElement> Cases(string function) =>
        DriftFixture.Cases("special-functions.json").Where(element => element.GetProperty("function").GetString() == function);

    [Fact]
    public void Log_gamma_matches_SciPy_from_tiny_to_huge_arguments()
    {
        foreach (var element in Cases("log_gamma"))
        {
            var x = DriftFixture.Number(element, "x");
            Close.Equal(DriftFixture.Number(element, "expected"), LogGamma.Of(x), relative: 1e-14, absolute: 1e-14, because: $"ln Γ({x})");
        }
    }

    [Fact]
    public void The_upper_incomplete_gamma_matches_SciPy_in_both_tails()
    {
        foreach (var element in Cases("upper_regularized_gamma"))
        {
            var (a, x) = (DriftFixture.Number(element, "a"), DriftFixture.Number(element, "x"));
            Close.Equal(DriftFixture.Number(element, "expected"), IncompleteGamma.UpperRegularized(a, x), relative: 1e-11, because: $"Q({a}, {x})");
        }
    }

    [Fact]
    public void The_chi_squared_tail_matches_SciPy_down_to_p_values_near_zero()
    {
        foreach (var element in Cases("chi_squared_survival"))
        {
            var (x, df) = (DriftFixture.Number(element, "x"), element.GetProperty("df").GetInt32());
            Close.Equal(DriftFixture.Number(element, "expected"), ChiSquaredDistribution.Survival(x, df), relative: 1e-11, because: $"χ²({df}) > {x}");
        }
    }

    [Fact]
    public void Arguments_outside_the_domain_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogGamma.Of(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogGamma.Of(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.UpperRegularized(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.UpperRegularized(1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquaredDistribution.Survival(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquaredDistribution.Survival(double.NaN, 1));
    }

    [Fact]
    public void The_tails_have_exact_limits()
    {
        Assert.Equal(1.0, IncompleteGamma.UpperRegularized(2.5, 0));
        Assert.Equal(0.0, IncompleteGamma.UpperRegularized(2.5, double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, LogGamma.Of(double.PositiveInfinity));
    }
}
