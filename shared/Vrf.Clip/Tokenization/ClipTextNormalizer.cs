using System.Text;
using Microsoft.ML.Tokenizers;
using Vrf.Clip.Tokenization.Unicode;

namespace Vrf.Clip.Tokenization;

/// <summary>
/// CLIP's text cleaning, as OpenAI's <c>simple_tokenizer</c> and Hugging Face's tokenizer do it: NFC, every whitespace
/// run collapsed to one space, the ends trimmed, then Python's lower-casing.
/// </summary>
public sealed class ClipTextNormalizer : Normalizer
{
    public static ClipTextNormalizer Instance { get; } = new();

    /// <summary>What Python's <c>str.strip()</c> removes: Unicode White_Space plus the separators U+001C..U+001F.</summary>
    private static readonly char[] PythonStripped =
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || c is >= '\u001C' and <= '\u001F').ToArray();

    private ClipTextNormalizer()
    {
    }

    public override string Normalize(string original) =>
        PythonLowercase.Lower(CollapseWhitespace(UnicodeNfc.Normalize(original)));

    public override string Normalize(ReadOnlySpan<char> original) => Normalize(original.ToString());

    /// <summary><c>re.sub(r"\s+", " ", text).strip()</c>, where <c>\s</c> is Unicode White_Space.</summary>
    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previousWasSpace = false;
        foreach (var character in text)
        {
            var isSpace = char.IsWhiteSpace(character);
            if (!isSpace || !previousWasSpace)
            {
                builder.Append(isSpace ? ' ' : character);
            }
            previousWasSpace = isSpace;
        }
        return builder.ToString().Trim(PythonStripped);
    }
}
