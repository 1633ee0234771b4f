using System.Globalization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>How the benchmarks' tables write their figures.</summary>
public static class BenchFormat
{
    /// <summary>A rate with three significant digits or more: 1234, 56.7, 8.90.</summary>
    public static string Rate(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>A ratio such as 1.25×, in yellow below <paramref name="slowBelow"/>.</summary>
    public static string RatioMarkup(double ratio, double slowBelow)
    {
        var text = ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
        return ratio < slowBelow ? $"[yellow]{text}[/]" : text;
    }

    /// <summary>The value in <paramref name="format"/>, or a dash when there is none.</summary>
    public static string Number(double? value, string format) =>
        value is { } known ? known.ToString(format, CultureInfo.InvariantCulture) : "–";
}
