namespace Vrf.Clip.Tokenization.Unicode;

/// <summary>The algorithmic canonical (de)composition of Hangul syllables (Unicode chapter 3.12).</summary>
internal static class Hangul
{
    private const int SyllableBase = 0xAC00;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int LeadingCount = 19;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;
    private const int BlockCount = VowelCount * TrailingCount;
    private const int SyllableCount = LeadingCount * BlockCount;

    public static bool IsSyllable(int codePoint) => (uint)(codePoint - SyllableBase) < SyllableCount;

    public static void Decompose(int syllable, List<int> output)
    {
        var index = syllable - SyllableBase;
        output.Add(LeadingBase + index / BlockCount);
        output.Add(VowelBase + index % BlockCount / TrailingCount);
        if (index % TrailingCount != 0)
        {
            output.Add(TrailingBase + index % TrailingCount);
        }
    }

    public static bool TryCompose(int first, int second, out int composite)
    {
        var leading = first - LeadingBase;
        var vowel = second - VowelBase;
        if ((uint)leading < LeadingCount && (uint)vowel < VowelCount)
        {
            composite = SyllableBase + (leading * VowelCount + vowel) * TrailingCount;
            return true;
        }
        var trailing = second - TrailingBase;
        if (IsSyllable(first) && (first - SyllableBase) % TrailingCount == 0 && trailing is > 0 and < TrailingCount)
        {
            composite = first + trailing;
            return true;
        }
        composite = 0;
        return false;
    }
}
