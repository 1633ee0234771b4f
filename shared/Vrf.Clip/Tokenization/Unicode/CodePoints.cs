using System.Text;

namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>
/// Code points of a string the way Python sees a <c>str</c>: surrogate pairs joined, a lone surrogate kept as itself
/// (<see cref="string.EnumerateRunes"/> would replace it with U+FFFD and so change the text).
/// </summary>
internal static class CodePoints
{
    public static IEnumerable<int> Of(string text)
    {
        for (var i = 0; i < text.Length; i += LengthAt(text, i))
        {
            yield return At(text, i);
        }
    }

    public static int At(ReadOnlySpan<char> text, int index) =>
        LengthAt(text, index) == 2 ? char.ConvertToUtf32(text[index], text[index + 1]) : text[index];

    public static int LengthAt(ReadOnlySpan<char> text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    public static void Append(StringBuilder builder, int codePoint)
    {
        if (codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
