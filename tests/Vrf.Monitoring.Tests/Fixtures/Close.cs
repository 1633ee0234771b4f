namespace Vrf.Monitoring.Tests.Fixtures;

/// <summary>Comparison of computed numbers with SciPy's: |actual − expected| ≤ relative·|expected| + absolute.</summary>
public static class Close
{
    public static void Equal(double expected, double actual, double relative, double absolute = 0, string because = "")
    {
        if (expected == actual)
        {
            return;
        }
        var error = Math.Abs(actual - expected);
        Assert.True(error <= relative * Math.Abs(expected) + absolute,
            $"{because}: expected {expected:R}, got {actual:R} (error {error:E2}, relative {error / Math.Abs(expected):E2}).");
    }
}
