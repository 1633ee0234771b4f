using Vrf.Clip.Tokenization;

namespace Vrf.Clip.Tests.Tokenization;

/// <summary>Behaviour of Python's unicodedata.normalize("NFC"), re.sub(r"\s+", " ").strip() and str.lower().</summary>
public sealed class ClipTextNormalizerTests
{
    private static string Normalize(string text) => ClipTextNormalizer.Instance.Normalize(text);

    [Theory]
    [InlineData("cafe\u0301", "caf\u00e9")]
    [InlineData("A\u030A", "\u00e5")]
    [InlineData("\u212B", "\u00e5")]
    [InlineData("\u1112\u1161\u11AB", "\uD55C")]
    [InlineData("\uD55C\u11A8", "\uD55C\u11A8")]
    [InlineData("q\u0307\u0323", "q\u0323\u0307")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("\u0958", "\u0915\u093C")]
    public void Text_is_put_in_unicode_normalization_form_c(string text, string expected)
    {
        Assert.Equal(expected, Normalize(text));
    }

    [Fact]
    public void Nfc_works_even_though_the_process_runs_with_invariant_globalization()
    {
        Assert.Equal("cafe\u0301", "cafe\u0301".Normalize());
        Assert.Equal(Normalize("caf\u00e9"), Normalize("cafe\u0301"));
    }

    [Theory]
    [InlineData("  a \t\n b  ", "a b")]
    [InlineData("a\u00A0\u3000\u2003b", "a b")]
    [InlineData("\u001Ca b\u001F", "a b")]
    [InlineData("a\u200Bb", "a\u200Bb")]
    public void Whitespace_runs_become_one_space_and_the_ends_are_trimmed(string text, string expected)
    {
        Assert.Equal(expected, Normalize(text));
    }

    [Theory]
    [InlineData("A PHOTO", "a photo")]
    [InlineData("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C2")]
    [InlineData("\u039F\u0394\u039F\u03A3 \u03A3", "\u03BF\u03B4\u03BF\u03C2 \u03C3")]
    [InlineData("\u03A3\u039F", "\u03C3\u03BF")]
    [InlineData("\u0130", "i\u0307")]
    [InlineData("\u01C5", "\u01C6")]
    [InlineData("\U00010400", "\U00010428")]
    public void Text_is_lower_cased_as_python_does_it(string text, string expected)
    {
        Assert.Equal(expected, Normalize(text));
    }
}
