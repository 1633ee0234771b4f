using Vrf.Clip.Tokenization;

namespace Vrf.Clip.Tests.Tokenization;

/// <summary>How text is cut into words before BPE: only the last piece of a word carries the end-of-word suffix.</summary>
public sealed class ClipTokenizerSplitTests
{
    private const string EndOfWord = "</w>";
    private readonly ClipTokenizer tokenizer = FixtureTokenizer.Instance;

    [Theory]
    [InlineData("\U00020BB7\u91CE\u5BB6")]
    [InlineData("\U0001D400\U0001D401\U0001D402")]
    public void Letters_outside_the_basic_plane_stay_in_one_word(string word)
    {
        var pieces = tokenizer.Tokenize(word);

        Assert.Single(pieces, piece => piece.EndsWith(EndOfWord, StringComparison.Ordinal));
        Assert.EndsWith(EndOfWord, pieces[^1]);
    }

    [Fact]
    public void Digits_are_words_of_their_own()
    {
        Assert.Equal(3, tokenizer.Tokenize("123").Count(piece => piece.EndsWith(EndOfWord, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_literal_end_of_text_marker_in_a_prompt_gets_the_special_id()
    {
        Assert.Equal([tokenizer.EndOfTextId], tokenizer.EncodeWithoutSpecials("<|endoftext|>"));
        Assert.Equal([tokenizer.StartOfTextId], tokenizer.EncodeWithoutSpecials("<|STARTOFTEXT|>"));
    }

    [Fact]
    public void The_combining_ypogegrammeni_is_dropped_as_pythons_case_insensitive_pattern_does()
    {
        Assert.Equal(tokenizer.EncodeWithoutSpecials("a !"), tokenizer.EncodeWithoutSpecials("a\u0345!"));
    }

    [Fact]
    public void A_contraction_after_a_word_is_a_piece_of_its_own()
    {
        Assert.Equal(tokenizer.EncodeWithoutSpecials("dog 's"), tokenizer.EncodeWithoutSpecials("dog's"));
    }
}
