using System.Globalization;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>What the slope test found for one series over the second half of the intervals.</summary>
/// <param name="SlopePerInterval">The least-squares slope, in the series' unit per interval.</param>
/// <param name="ProjectedGrowth">The slope times the run's intervals, signed so that positive is the bad direction.</param>
/// <param name="Allowed">The growth over the run the series may show.</param>
/// <param name="T">The slope over its standard error (positive in the bad direction; infinite for an exact line).</param>
/// <param name="CriticalT">The one-sided 99 % Student t for the fit's degrees of freedom.</param>
/// <param name="Judged">False when the second half has too few intervals for a fit with residual noise.</param>
public sealed record TrendVerdict(string Series, int Points, double Mean, double SlopePerInterval, double ProjectedGrowth,
    double Allowed, double T, double CriticalT, bool Judged)
{
    /// <summary>Moves the bad way by more than allowed, and the move stands out of the residual noise.</summary>
    public bool Trending => Judged && ProjectedGrowth > Allowed && T > CriticalT;

    public override string ToString() => !Judged
        ? $"{Series}: not judged ({Points} point(s) in the second half)"
        : string.Create(CultureInfo.InvariantCulture,
            $"{Series}: {(Trending ? "TRENDS" : "flat")} (projected {ProjectedGrowth:+0.##;-0.##;0} over the run, allowed {Allowed:0.##}; t = {T:0.0}, critical {CriticalT:0.00})");
}
