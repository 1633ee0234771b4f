using System.Globalization;
using Microsoft.ML.Tokenizers;
using Vrf.Clip.Tokenization.Unicode;

namespace Vrf.Clip.Tokenization;

/// <summary>
/// Splits normalised text the way CLIP's pattern
/// <c>&lt;\|startoftext\|&gt;|&lt;\|endoftext\|&gt;|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+</c>
/// does under Python's <c>regex</c> with IGNORECASE: alternatives tried in order at each position, whitespace skipped.
/// </summary>
/// <remarks>
/// <para>
/// It is a scanner over code points rather than a .NET <see cref="System.Text.RegularExpressions.Regex"/>, which
/// sees UTF-16 units: it would take a letter outside the BMP (CJK extension B, mathematical letters) for a surrogate,
/// i.e. a symbol, and split such words differently from the reference.
/// </para>
/// <para>
/// One quirk of IGNORECASE is kept: U+0345 (combining ypogegrammeni, whose case folding is the letter iota) is neither a
/// letter nor outside <c>[^\s\p{L}\p{N}]</c>, so nothing matches it and it is dropped like whitespace.
/// </para>
/// </remarks>
internal sealed class ClipPreTokenizer : PreTokenizer
{
    public static ClipPreTokenizer Instance { get; } = new();

    private const char Ypogegrammeni = '\u0345';

    /// <summary>The pattern's literal alternatives in order: the two special tokens, then the contractions.</summary>
    private static readonly string[] Literals =
        ["<|startoftext|>", "<|endoftext|>", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];

    private enum CharacterKind
    {
        Unmatched,
        Letter,
        Number,
        Symbol,
    }

    private ClipPreTokenizer()
    {
    }

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text);

    private static List<(int Offset, int Length)> Split(ReadOnlySpan<char> text)
    {
        var pieces = new List<(int Offset, int Length)>();
        var position = 0;
        while (position < text.Length)
        {
            var length = MatchAt(text, position);
            if (length > 0)
            {
                pieces.Add((position, length));
                position += length;
            }
            else
            {
                position += CodePoints.LengthAt(text, position);
            }
        }
        return pieces;
    }

    private static int MatchAt(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        foreach (var literal in Literals)
        {
            if (StartsWithIgnoringCase(rest, literal))
            {
                return literal.Length;
            }
        }
        return KindAt(text, start) switch
        {
            CharacterKind.Letter => RunLength(text, start, CharacterKind.Letter),
            CharacterKind.Number => CodePoints.LengthAt(text, start),
            CharacterKind.Symbol => RunLength(text, start, CharacterKind.Symbol),
            _ => 0,
        };
    }

    private static int RunLength(ReadOnlySpan<char> text, int start, CharacterKind kind)
    {
        var end = start;
        while (end < text.Length && KindAt(text, end) == kind)
        {
            end += CodePoints.LengthAt(text, end);
        }
        return end - start;
    }

    private static CharacterKind KindAt(ReadOnlySpan<char> text, int index)
    {
        if (char.IsWhiteSpace(text[index]) || text[index] == Ypogegrammeni)
        {
            return CharacterKind.Unmatched;
        }
        return CharUnicodeInfo.GetUnicodeCategory(CodePoints.At(text, index)) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharacterKind.Letter,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber =>
                CharacterKind.Number,
            _ => CharacterKind.Symbol,
        };
    }

    /// <summary>
    /// IGNORECASE compares simple case foldings; the literals are lower-case ASCII, whose only other folding
    /// equivalent besides the upper-case letter is U+017F (long s) for "s".
    /// </summary>
    private static bool StartsWithIgnoringCase(ReadOnlySpan<char> text, string literal)
    {
        if (text.Length < literal.Length)
        {
            return false;
        }
        for (var i = 0; i < literal.Length; i++)
        {
            var actual = text[i];
            var expected = literal[i];
            var matches = actual == expected
                          || (char.IsAsciiLetter(actual) && char.ToLowerInvariant(actual) == expected)
                          || (expected == 's' && actual == '\u017F');
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }
}
