using Vrf.Clip.ZeroShot;
using Vrf.Encoders.ZeroShot;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class ZeroShotHeadTests(ClipTinyReference reference, ITestOutputHelper output) : IClassFixture<ClipTinyReference>
{
    [Fact]
    public void A_head_built_from_the_prompt_token_ids_matches_the_reference_weights()
    {
        using var head = BuildHead(batchSize: 4);
        Matches("zeroshot_weights_unscaled", head.UnscaledWeights);
        Matches("zeroshot_weights", head.Weights);
    }

    [Fact]
    public void Zero_shot_logits_and_probabilities_of_the_images_match_the_reference()
    {
        using var head = BuildHead();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = head.Logits(reference.Model.GetImageFeatures(reference.PixelValues));
        Matches("zeroshot_logits", logits);
        Matches("zeroshot_probs", logits.softmax(-1));
    }

    [Fact]
    public void A_saved_head_loads_back_with_identical_tensors()
    {
        using var directory = new TemporaryDirectory();
        using var head = BuildHead();
        head.Save(directory.File("head.safetensors"));

        using var loaded = ZeroShotHead.Load(directory.File("head.safetensors"));

        TensorAssert.Identical(head.Weights, loaded.Weights);
        TensorAssert.Identical(head.UnscaledWeights, loaded.UnscaledWeights);
        TensorAssert.Identical(head.LogitScale, loaded.LogitScale);
        Assert.Equal(reference.ZeroShotClassCount, loaded.ClassCount);
    }

    [Fact]
    public void A_linear_head_adds_its_bias_to_the_logits_of_normalised_features_and_saves_it()
    {
        using var directory = new TemporaryDirectory();
        using var scope = NewDisposeScope();
        var weights = tensor(new float[] { 1, 0, 0, 2, 3, 0 }).view(3, 2);
        var bias = tensor(new float[] { 0.5f, -1, 0 });
        using var head = ZeroShotHead.FromLinear(weights, bias, tensor(MathF.Log(2)));

        var logits = head.Logits(tensor(new float[] { 3, 4 }).view(1, 2));

        float[] expected = [0.6f + 0.5f, 1.6f - 1, 1.8f];
        var actual = logits.data<float>().ToArray();
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(expected[i], actual[i], 5));
        TensorAssert.Identical(weights / 2, head.UnscaledWeights);
        head.Save(directory.File("head.safetensors"));
        using var loaded = ZeroShotHead.Load(directory.File("head.safetensors"));
        TensorAssert.Identical(head.Bias, loaded.Bias);
        TensorAssert.Identical(head.Weights, loaded.Weights);
    }

    [Fact]
    public void A_head_file_without_a_bias_loads_with_bias_zero()
    {
        using var directory = new TemporaryDirectory();
        using var head = BuildHead();
        Vrf.Tensors.SafeTensorsWriter.Write(directory.File("old.safetensors"), new Dictionary<string, Tensor>
        {
            [ZeroShotHead.WeightName] = head.Weights,
            [ZeroShotHead.UnscaledWeightName] = head.UnscaledWeights,
            [ZeroShotHead.LogitScaleName] = head.LogitScale,
        });

        using var loaded = ZeroShotHead.Load(directory.File("old.safetensors"));

        Assert.Equal(reference.ZeroShotClassCount, loaded.Bias.shape[0]);
        Assert.All(loaded.Bias.data<float>().ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void Token_ids_that_do_not_cover_every_class_and_template_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ClipPromptHead.FromPromptTokenIds(reference.Model, reference.ZeroShotInputIds, reference.ZeroShotClassCount + 1,
                reference.ZeroShotTemplateCount));
        Assert.Contains("templates", error.Message);
    }

    [Fact]
    public void Class_major_prompts_are_the_ones_the_reference_tokenised()
    {
        var zeroShot = reference.Expected.Root.GetProperty("zeroshot");
        var classNames = zeroShot.GetProperty("classnames").EnumerateArray().Select(c => c.GetString()!).ToList();
        var templates = zeroShot.GetProperty("templates").EnumerateArray().Select(t => t.GetString()!).ToList();
        var prompts = zeroShot.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()!).ToList();

        Assert.Equal(prompts, PromptTemplates.Prompts(classNames, templates));
    }

    private ZeroShotHead BuildHead(int batchSize = 256) => ClipPromptHead.FromPromptTokenIds(
        reference.Model, reference.ZeroShotInputIds, reference.ZeroShotClassCount, reference.ZeroShotTemplateCount, batchSize);

    private void Matches(string name, Tensor actual) => ReferenceAssert.Matches(reference.Expected, name, actual, output);
}
