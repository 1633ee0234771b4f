using System.Globalization;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Positive whole numbers separated by commas, as the benchmarks' list options take them (<c>1,8,32</c>).</summary>
public static class CommaList
{
    public static bool TryParse(string text, out int[] values)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
            {
                values = [];
                return false;
            }
        }
        return true;
    }

    /// <summary>The values of a list that <see cref="TryParse"/> accepts (settings validate before they are used).</summary>
    public static int[] Parse(string text) =>
        TryParse(text, out var values) ? values : throw new FormatException($"'{text}' is not a list of positive whole numbers.");
}
