using Vrf.Clip.Tokenization;

namespace Vrf.Clip.Tests.Tokenization;

public sealed class ClipTokenizerFixtureTests
{
    private readonly ClipTokenizer tokenizer = FixtureTokenizer.Instance;

    [Theory]
    [MemberData(nameof(TokenizerCase.Names), MemberType = typeof(TokenizerCase))]
    public void Every_fixture_text_splits_into_the_reference_bpe_pieces(string name)
    {
        var expected = TokenizerCase.Named(name);

        Assert.Equal(expected.BpeTokens, tokenizer.Tokenize(expected.Text));
    }

    [Theory]
    [MemberData(nameof(TokenizerCase.Names), MemberType = typeof(TokenizerCase))]
    public void Every_fixture_text_gets_the_reference_ids_without_specials(string name)
    {
        var expected = TokenizerCase.Named(name);

        Assert.Equal(expected.IdsWithoutSpecials, tokenizer.EncodeWithoutSpecials(expected.Text));
    }

    [Theory]
    [MemberData(nameof(TokenizerCase.Names), MemberType = typeof(TokenizerCase))]
    public void Every_fixture_text_encodes_to_the_reference_padded_row(string name)
    {
        var expected = TokenizerCase.Named(name);

        var batch = tokenizer.Encode([expected.Text]);

        Assert.Equal(expected.InputIds, batch.Row(0));
        Assert.Equal(expected.AttentionMask, Enumerable.Range(0, batch.SequenceLength).Select(c => batch.AttentionMask[0, c]));
        Assert.Equal(expected.TokenCount, Enumerable.Range(0, batch.SequenceLength).Sum(c => batch.AttentionMask[0, c]));
        Assert.Equal(expected.Truncated, batch.Truncated[0]);
    }

    [Fact]
    public void A_photo_of_a_cat_gets_the_published_ids()
    {
        var expected = TokenizerCase.Named("known_cat");

        var batch = tokenizer.Encode(["a photo of a cat"]);

        Assert.Equal(expected.InputIds, batch.Row(0));
    }

    [Fact]
    public void The_whole_fixture_encodes_as_one_batch_with_its_truncated_rows_reported()
    {
        var cases = TokenizerCase.All;

        var batch = tokenizer.Encode(cases.Select(c => c.Text).ToArray());

        Assert.Equal(cases.Count, batch.Count);
        Assert.Equal(tokenizer.ModelMaxLength, batch.SequenceLength);
        for (var row = 0; row < cases.Count; row++)
        {
            Assert.Equal(cases[row].InputIds, batch.Row(row));
        }
        Assert.Equal(
            Enumerable.Range(0, cases.Count).Where(row => cases[row].Truncated),
            batch.TruncatedRows);
    }
}
