using Vrf.Clip.Modeling;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

/// <summary>Every model tensor of clip-tiny's expected.json, computed through the library from the stored inputs.</summary>
public sealed class ClipModelMatchesReferenceTests(ClipTinyReference reference, ITestOutputHelper output)
    : IClassFixture<ClipTinyReference>
{
    private ClipModel Model => reference.Model;

    [Fact]
    public void Vision_embeddings_before_the_pre_layer_norm_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Matches("vision_embeddings", Model.VisionEmbeddings(reference.PixelValues));
    }

    [Fact]
    public void Vision_last_hidden_state_and_pooled_output_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var vision = Model.EncodeImage(reference.PixelValues);
        Matches("vision_last_hidden_state", vision.LastHiddenState);
        Matches("vision_pooled_output", vision.PooledOutput);
    }

    [Fact]
    public void Image_features_are_the_projected_pooled_output_and_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = Model.GetImageFeatures(reference.PixelValues);
        Matches("image_embeds", features);
        Matches("image_embeds_normalized", L2Normalization.Normalize(features));
    }

    [Fact]
    public void Text_is_pooled_at_the_first_end_of_text_token()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var text = Model.EncodeText(reference.InputIds);
        Matches("text_eos_index", text.EosIndex);
        Matches("text_pooled_output", text.PooledOutput);
    }

    [Fact]
    public void Text_features_are_the_projected_pooled_output_and_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var features = Model.GetTextFeatures(reference.InputIds);
        Matches("text_embeds", features);
        Matches("text_embeds_normalized", L2Normalization.Normalize(features));
    }

    [Fact]
    public void Logit_scale_comes_from_the_loaded_weight_not_the_config()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Matches("logit_scale", Model.LogitScale);
        Matches("logit_scale_exp", Model.LogitScaleExp());
        Assert.NotEqual(Model.Config.LogitScaleInitValue, Model.LogitScale.item<float>(), 3);
    }

    [Fact]
    public void Image_text_logits_and_normalised_embeddings_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var clip = Model.forward(reference.PixelValues, reference.InputIds);
        Matches("logits_per_image", clip.LogitsPerImage);
        Matches("logits_per_text", clip.LogitsPerText);
        Matches("image_embeds_normalized", clip.ImageEmbeds);
        Matches("text_embeds_normalized", clip.TextEmbeds);
    }

    [Fact]
    public void Zero_shot_prompt_features_match_the_reference()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Matches("zeroshot_text_embeds", Model.GetTextFeatures(reference.ZeroShotInputIds));
    }

    private void Matches(string name, Tensor actual) => ReferenceAssert.Matches(reference.Expected, name, actual, output);
}
