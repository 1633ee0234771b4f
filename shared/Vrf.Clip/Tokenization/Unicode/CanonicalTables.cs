using System.Collections.Frozen;
using System.Globalization;

namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>The lookups UAX #15 normalisation needs, parsed once from <see cref="CanonicalData"/>.</summary>
internal sealed class CanonicalTables
{
    public static CanonicalTables Instance { get; } = new();

    private readonly FrozenDictionary<int, int[]> fullDecompositions;
    private readonly FrozenDictionary<long, int> primaryComposites;
    private readonly FrozenDictionary<int, byte> combiningClasses;

    private CanonicalTables()
    {
        var singleLevel = new Dictionary<int, int[]>();
        var composites = new Dictionary<long, int>();
        foreach (var entry in Entries(CanonicalData.Decompositions))
        {
            var (key, value) = Split(entry, '=');
            var composes = key.EndsWith('*');
            var codePoint = Hex(composes ? key[..^1] : key);
            var parts = value.Split('.').Select(Hex).ToArray();
            singleLevel[codePoint] = parts;
            if (composes)
            {
                composites[PairKey(parts[0], parts[1])] = codePoint;
            }
        }
        fullDecompositions = singleLevel.Keys.ToFrozenDictionary(c => c, c => Expand(c, singleLevel));
        primaryComposites = composites.ToFrozenDictionary();

        var classes = new Dictionary<int, byte>();
        foreach (var entry in Entries(CanonicalData.CombiningClasses))
        {
            var (range, value) = Split(entry, ':');
            var bounds = range.Split('-');
            var first = Hex(bounds[0]);
            var last = bounds.Length == 2 ? Hex(bounds[1]) : first;
            for (var codePoint = first; codePoint <= last; codePoint++)
            {
                classes[codePoint] = byte.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        combiningClasses = classes.ToFrozenDictionary();
    }

    /// <summary>The full canonical decomposition of a (non-Hangul) code point, or null when it has none.</summary>
    public int[]? Decomposition(int codePoint) => fullDecompositions.GetValueOrDefault(codePoint);

    public int CombiningClass(int codePoint) => combiningClasses.GetValueOrDefault(codePoint);

    /// <summary>The primary composite of a (non-Hangul) pair, if NFC composes it.</summary>
    public bool TryCompose(int first, int second, out int composite) =>
        primaryComposites.TryGetValue(PairKey(first, second), out composite);

    private static int[] Expand(int codePoint, Dictionary<int, int[]> singleLevel) =>
        singleLevel.TryGetValue(codePoint, out var parts)
            ? parts.SelectMany(part => Expand(part, singleLevel)).ToArray()
            : [codePoint];

    private static long PairKey(int first, int second) => ((long)first << 21) | (uint)second;

    private static IEnumerable<string> Entries(string table) =>
        table.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static (string Key, string Value) Split(string entry, char separator)
    {
        var at = entry.IndexOf(separator);
        return (entry[..at], entry[(at + 1)..]);
    }

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
