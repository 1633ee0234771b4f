using System.Text;

namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>
/// Unicode Normalization Form C (UAX #15). Implemented here because <see cref="string.Normalize()"/> silently returns
/// its input unchanged when the process runs with InvariantGlobalization, as every Vrf project does.
/// </summary>
internal static class UnicodeNfc
{
    /// <summary>Below U+0300 no code point decomposes, combines or composes with a predecessor.</summary>
    private const char FirstAffectedCharacter = '\u0300';

    public static string Normalize(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange(FirstAffectedCharacter, char.MaxValue))
        {
            return text;
        }
        var codePoints = Decompose(text);
        ReorderCombiningMarks(codePoints);
        Compose(codePoints);
        return Build(codePoints);
    }

    private static List<int> Decompose(string text)
    {
        var tables = CanonicalTables.Instance;
        var codePoints = new List<int>(text.Length);
        foreach (var codePoint in CodePoints.Of(text))
        {
            if (Hangul.IsSyllable(codePoint))
            {
                Hangul.Decompose(codePoint, codePoints);
            }
            else if (tables.Decomposition(codePoint) is { } parts)
            {
                codePoints.AddRange(parts);
            }
            else
            {
                codePoints.Add(codePoint);
            }
        }
        return codePoints;
    }

    /// <summary>Canonical ordering: a stable sort by combining class of every run of non-starters.</summary>
    private static void ReorderCombiningMarks(List<int> codePoints)
    {
        var tables = CanonicalTables.Instance;
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = codePoints[i];
            var currentClass = tables.CombiningClass(current);
            if (currentClass == 0)
            {
                continue;
            }
            var j = i;
            while (j > 0 && tables.CombiningClass(codePoints[j - 1]) > currentClass)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }
            codePoints[j] = current;
        }
    }

    /// <summary>Canonical composition: each character joins the last starter unless a character between them blocks it.</summary>
    private static void Compose(List<int> codePoints)
    {
        var tables = CanonicalTables.Instance;
        var starter = -1;
        var lastClass = 0;
        var written = 0;
        foreach (var codePoint in codePoints.ToArray())
        {
            var combiningClass = tables.CombiningClass(codePoint);
            var adjacentToStarter = starter == written - 1;
            var blocked = !adjacentToStarter && (lastClass == 0 || lastClass >= combiningClass);
            if (starter >= 0 && !blocked && TryCompose(codePoints[starter], codePoint, out var composite))
            {
                codePoints[starter] = composite;
                continue;
            }
            if (combiningClass == 0)
            {
                starter = written;
            }
            lastClass = combiningClass;
            codePoints[written++] = codePoint;
        }
        codePoints.RemoveRange(written, codePoints.Count - written);
    }

    private static bool TryCompose(int first, int second, out int composite) =>
        Hangul.TryCompose(first, second, out composite) ||
        CanonicalTables.Instance.TryCompose(first, second, out composite);

    private static string Build(List<int> codePoints)
    {
        var builder = new StringBuilder(codePoints.Count);
        foreach (var codePoint in codePoints)
        {
            CodePoints.Append(builder, codePoint);
        }
        return builder.ToString();
    }
}
