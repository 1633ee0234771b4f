using Vrf.Clip.Modeling;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class EosPoolingTests
{
    private const long EndOfText = EosPooling.EndOfTextTokenId;

    [Fact]
    public void Rows_padded_with_end_of_text_are_pooled_at_the_first_end_of_text()
    {
        using var ids = tensor(new long[] { 49406, 320, 1125, EndOfText, EndOfText, EndOfText, 49406, 2368, EndOfText, EndOfText, EndOfText, EndOfText }, 2, 6);

        using var positions = EosPooling.Positions(ids, EndOfText);

        Assert.Equal([3L, 2L], positions.data<long>().ToArray());
    }

    [Fact]
    public void A_model_with_its_own_eos_token_pools_at_the_first_occurrence_of_that_token()
    {
        using var ids = tensor(new long[] { 7, 50000, 5, 9, 5, 0 }, 1, 6);

        using var positions = EosPooling.Positions(ids, eosTokenId: 5);

        Assert.Equal([2L], positions.data<long>().ToArray());
    }

    [Fact]
    public void A_legacy_eos_2_config_pools_at_the_largest_id()
    {
        using var ids = tensor(new long[] { 320, 2, 40000, 7, 2, 0 }, 1, 6);

        using var positions = EosPooling.Positions(ids, EosPooling.LegacyEosTokenId);

        Assert.Equal([2L], positions.data<long>().ToArray());
    }
}
