using System.Text.Json;

namespace Vrf.Monitoring.Tests.Fixtures;

/// <summary>Checks a class-frequency test against a fixture's chi_squared, degrees_of_freedom, p_value and most_over_represented.</summary>
public static class ClassFrequencyExpectation
{
    public static void Check(JsonElement expected, ClassFrequencyTest actual)
    {
        Close.Equal(DriftFixture.Number(expected, "chi_squared"), actual.ChiSquared, relative: 1e-12, absolute: 1e-13, because: "χ²");
        Assert.Equal(expected.GetProperty("degrees_of_freedom").GetInt32(), actual.DegreesOfFreedom);
        Close.Equal(DriftFixture.Number(expected, "p_value"), actual.PValue, relative: 1e-10, because: "p");
        var classes = expected.GetProperty("most_over_represented").EnumerateArray().ToArray();
        Assert.Equal(classes.Select(c => c.GetProperty("class_index").GetInt32()), actual.MostOverRepresented.Select(c => c.ClassIndex));
        foreach (var (want, got) in classes.Zip(actual.MostOverRepresented))
        {
            Assert.Equal(want.GetProperty("observed").GetInt32(), got.Observed);
            Close.Equal(DriftFixture.Number(want, "expected"), got.Expected, relative: 1e-14, because: $"expected count of class {got.ClassIndex}");
            Close.Equal(DriftFixture.Number(want, "residual"), got.Residual, relative: 1e-12, because: $"residual of class {got.ClassIndex}");
        }
    }
}
