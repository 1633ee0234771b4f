using System.Globalization;
using System.Text;

namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>
/// Python's <c>str.lower()</c>, which the CLIP references apply: the simple lower-case mapping, except that U+0130
/// (capital I with dot) becomes "i" + U+0307 and a capital sigma that ends a word becomes the final sigma U+03C2.
/// </summary>
internal static class PythonLowercase
{
    private const int CapitalIWithDot = 0x130;
    private const int CapitalSigma = 0x3A3;
    private const int FinalSigma = 0x3C2;
    private const int SmallSigma = 0x3C3;

    public static string Lower(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }
        var codePoints = CodePoints.Of(text).ToArray();
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < codePoints.Length; i++)
        {
            switch (codePoints[i])
            {
                case CapitalIWithDot:
                    builder.Append("i\u0307");
                    break;
                case CapitalSigma:
                    CodePoints.Append(builder, EndsWord(codePoints, i) ? FinalSigma : SmallSigma);
                    break;
                case var codePoint when Rune.IsValid(codePoint):
                    CodePoints.Append(builder, Rune.ToLowerInvariant(new Rune(codePoint)).Value);
                    break;
                case var loneSurrogate:
                    builder.Append((char)loneSurrogate);
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Unicode's Final_Sigma context: a cased letter before, none after (case-ignorable ones skipped).</summary>
    private static bool EndsWord(int[] codePoints, int sigma)
    {
        var before = sigma - 1;
        while (before >= 0 && IsCaseIgnorable(codePoints[before]))
        {
            before--;
        }
        if (before < 0 || !IsCased(codePoints[before]))
        {
            return false;
        }
        var after = sigma + 1;
        while (after < codePoints.Length && IsCaseIgnorable(codePoints[after]))
        {
            after++;
        }
        return after == codePoints.Length || !IsCased(codePoints[after]);
    }

    /// <summary>
    /// Cased: letters with a case, anything with a case mapping, and the Other_Lowercase / Other_Uppercase characters
    /// that have neither (ordinal indicators, squared and circled Latin capitals).
    /// </summary>
    private static bool IsCased(int codePoint)
    {
        if (!Rune.IsValid(codePoint))
        {
            return false;
        }
        var rune = new Rune(codePoint);
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                   or UnicodeCategory.TitlecaseLetter
               || Rune.ToLowerInvariant(rune) != rune
               || Rune.ToUpperInvariant(rune) != rune
               || codePoint is 0xAA or 0xBA or >= 0x1F130 and <= 0x1F149 or >= 0x1F150 and <= 0x1F169
                   or >= 0x1F170 and <= 0x1F189;
    }

    /// <summary>Case_Ignorable: marks, format characters, modifiers and the word-internal punctuation of UAX #29.</summary>
    private static bool IsCaseIgnorable(int codePoint) =>
        codePoint is 0x27 or 0x2E or 0x3A or 0xB7 or 0x387 or 0x55F or 0x5F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A
        || (Rune.IsValid(codePoint) && Rune.GetUnicodeCategory(new Rune(codePoint)) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format or UnicodeCategory.ModifierLetter
            or UnicodeCategory.ModifierSymbol);
}
