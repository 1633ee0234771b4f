using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class ClipModelInputTests(ClipTinyReference reference) : IClassFixture<ClipTinyReference>
{
    [Fact]
    public void Images_of_another_size_than_the_config_are_refused_with_both_sizes()
    {
        using var scope = NewDisposeScope();
        var size = reference.Model.Config.Vision.ImageSize;

        var error = Assert.Throws<ArgumentException>(() => reference.Model.GetImageFeatures(zeros(1, 3, size + 1, size + 1)));

        Assert.Contains($"[1, 3, {size + 1}, {size + 1}]", error.Message);
        Assert.Contains($"{size}, {size}]", error.Message);
    }

    [Fact]
    public void Token_rows_longer_than_the_position_table_are_refused()
    {
        using var scope = NewDisposeScope();
        var length = reference.Model.Config.Text.MaxPositionEmbeddings + 1;

        var error = Assert.Throws<ArgumentException>(() => reference.Model.GetTextFeatures(zeros(1, length, ScalarType.Int64)));

        Assert.Contains($"{length}", error.Message);
    }

    [Fact]
    public void Int32_token_ids_give_the_same_features_as_int64()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var fromInt32 = reference.Model.GetTextFeatures(reference.InputIds.to(ScalarType.Int32));

        TensorAssert.Identical(reference.Model.GetTextFeatures(reference.InputIds), fromInt32);
    }

    [Fact]
    public void Shorter_token_rows_give_the_same_features_because_padding_is_never_attended_to()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var longestUsed = reference.Model.EncodeText(reference.InputIds).EosIndex.max().item<long>() + 1;

        var trimmed = reference.Model.GetTextFeatures(reference.InputIds.narrow(1, 0, longestUsed));

        ReferenceAssert.Matches(reference.Expected, "text_embeds", trimmed);
    }
}
