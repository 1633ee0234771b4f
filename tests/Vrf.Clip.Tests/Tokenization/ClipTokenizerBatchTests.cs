using TorchSharp;
using Vrf.Clip.Tokenization;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Tokenization;

public sealed class ClipTokenizerBatchTests
{
    private static readonly ClipTinyInspection Fixture = ClipTinyInspection.Load();

    private readonly ClipTokenizer tokenizer = FixtureTokenizer.Instance;

    [Theory]
    [InlineData("prompts", "input_ids", "attention_mask")]
    [InlineData("zeroshot", "zeroshot_input_ids", "zeroshot_attention_mask")]
    public void The_fixture_prompts_encode_to_the_expected_model_inputs(string prompts, string ids, string mask)
    {
        var texts = prompts == "prompts" ? Fixture.Prompts : Fixture.ZeroShotPrompts;

        var batch = tokenizer.Encode(texts);

        Assert.Equal(Fixture.Expected[ids].Shape, new long[] { batch.Count, batch.SequenceLength });
        Assert.Equal(Fixture.Expected[ids].AsInt64s(), batch.InputIds.Cast<long>());
        Assert.Equal(Fixture.Expected[mask].AsInt64s(), batch.AttentionMask.Cast<long>());
        Assert.Empty(batch.TruncatedRows);
    }

    [Fact]
    public void The_ids_come_out_as_an_int64_tensor_of_rows_by_sequence_length()
    {
        var batch = tokenizer.Encode(Fixture.Prompts);

        using var ids = batch.InputIdsTensor();
        using var mask = batch.AttentionMaskTensor();

        Assert.Equal(torch.ScalarType.Int64, ids.dtype);
        Assert.Equal(torch.ScalarType.Int64, mask.dtype);
        Assert.Equal(new[] { batch.Count, (long)batch.SequenceLength }, ids.shape);
        Assert.Equal(Fixture.Expected["input_ids"].AsInt64s(), ids.data<long>().ToArray());
    }

    [Fact]
    public void The_row_length_comes_from_model_max_length_in_the_tokenizer_config()
    {
        var configured = System.Text.Json.JsonDocument.Parse(
                File.ReadAllText(RepositoryPaths.Fixture("clip-tiny", "tokenizer_config.json")))
            .RootElement.GetProperty("model_max_length").GetInt32();

        Assert.Equal(configured, tokenizer.ModelMaxLength);
        Assert.Equal(configured, tokenizer.Encode(["a dog"]).SequenceLength);
    }

    [Fact]
    public void A_shorter_row_keeps_the_start_token_and_ends_with_the_end_token_when_it_cuts()
    {
        var full = tokenizer.EncodeWithoutSpecials("a photo of a cat");

        var batch = tokenizer.Encode(["a photo of a cat", "a cat"], maxLength: 5);

        Assert.Equal(new long[] { tokenizer.StartOfTextId, full[0], full[1], full[2], tokenizer.EndOfTextId }, batch.Row(0));
        Assert.Equal([0], batch.TruncatedRows);
        Assert.Equal(new long[] { 1, 1, 1, 1, 0 }, Enumerable.Range(0, 5).Select(c => batch.AttentionMask[1, c]));
        Assert.Equal(tokenizer.PadId, batch.Row(1)[4]);
    }

    [Fact]
    public void A_row_shorter_than_the_two_special_tokens_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => tokenizer.Encode(["a cat"], maxLength: 1));
    }

    [Fact]
    public void An_empty_list_of_prompts_gives_an_empty_batch()
    {
        var batch = tokenizer.Encode([]);

        Assert.Equal(0, batch.Count);
        Assert.Equal(tokenizer.ModelMaxLength, batch.SequenceLength);
    }

    [Fact]
    public void Encoding_from_many_threads_at_once_gives_the_same_rows_as_one_thread()
    {
        var texts = TokenizerCase.All.Select(c => c.Text).ToArray();
        var expected = TokenizerCase.All.Select(c => c.InputIds).ToArray();

        var rows = Enumerable.Range(0, 8 * texts.Length).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (Index: i % texts.Length, Row: tokenizer.Encode([texts[i % texts.Length]]).Row(0)))
            .ToArray();

        Assert.All(rows, r => Assert.Equal(expected[r.Index], r.Row));
    }
}
