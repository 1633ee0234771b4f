using Vrf.Clip;
using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.WeightSpace;
using Vrf.Testing;
using Vrf.Testing.Models;
using static TorchSharp.torch;

namespace Vrf.Serving.Tests.WeightSpace;

/// <summary>θ = (1 − α)·θ_zs + α·θ_ft on clip-tiny and a perturbed copy of it, parameter by parameter.</summary>
public sealed class WeightInterpolationTests : IDisposable
{
    private static readonly ClipEncoderKind Clip = new();
    private readonly TemporaryDirectory _folder = new();
    private readonly IImageEncoder _zeroShot;
    private readonly IImageEncoder _fineTuned;

    public WeightInterpolationTests()
    {
        TinyClip.WritePerturbedCopy(_folder.File("fine-tuned"), seed: 11, scale: 0.1);
        _zeroShot = Clip.Load(TinyClip.ZeroShotFolder, "cpu");
        _fineTuned = Clip.Load(_folder.File("fine-tuned"), "cpu");
        using var noGrad = no_grad();
        var projection = Parameter(_fineTuned, "visual_projection.weight");
        using var noise = randn(projection.shape, generator: new Generator(3)) * 0.1;
        projection.add_(noise);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Every_image_tower_parameter_is_the_exact_mix_and_the_rest_stays_the_zero_shot_models(double alpha)
    {
        using var target = Clip.Load(TinyClip.ZeroShotFolder, "cpu");
        using (no_grad())
        {
            Parameter(target, "text_projection.weight").mul_(3);
        }
        using var textBefore = Parameter(target, "text_projection.weight").clone();

        WeightInterpolation.Interpolate(target, _zeroShot, _fineTuned, alpha);

        var interpolated = 0;
        foreach (var (name, parameter) in target.Module.named_parameters())
        {
            var actual = Floats(parameter);
            if (!IsImageTowerParameter(name))
            {
                Assert.Equal(Floats(name == "text_projection.weight" ? textBefore : Parameter(_zeroShot, name)), actual);
                continue;
            }
            interpolated++;
            var zeroShot = Floats(Parameter(_zeroShot, name));
            var fineTuned = Floats(Parameter(_fineTuned, name));
            var expected = alpha switch
            {
                0.0 => zeroShot,
                1.0 => fineTuned,
                _ => [.. zeroShot.Zip(fineTuned, (zs, ft) => (float)(((double)zs + ft) / 2))],
            };
            Assert.True(expected.SequenceEqual(actual), $"{name} at α = {alpha} is not the exact mix");
        }
        Assert.Equal(_zeroShot.Module.named_parameters().Count(p => IsImageTowerParameter(p.name)), interpolated);
        Assert.NotEqual(Floats(Parameter(_zeroShot, "vision_model.post_layernorm.weight")), Floats(Parameter(_fineTuned, "vision_model.post_layernorm.weight")));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void The_heads_weights_and_biases_are_mixed_and_the_logit_scale_is_the_zero_shot_heads(double alpha)
    {
        using var zeroShot = Head(seed: 1, logitScale: 4.6);
        using var fineTuned = Head(seed: 2, logitScale: 2.0);

        using var mixed = WeightInterpolation.Interpolate(zeroShot, fineTuned, alpha);

        Assert.Equal(Mix(Floats(zeroShot.Weights), Floats(fineTuned.Weights), alpha), Floats(mixed.Weights));
        Assert.Equal(Mix(Floats(zeroShot.Bias), Floats(fineTuned.Bias), alpha), Floats(mixed.Bias));
        Assert.Equal(zeroShot.LogitScale.item<float>(), mixed.LogitScale.item<float>());
    }

    [Fact]
    public void Towers_of_different_shapes_are_refused_naming_what_differs()
    {
        var config = ClipConfig.Load(Path.Combine(TinyClip.ZeroShotFolder, ClipConfig.FileName));
        using var shallower = new ClipImageEncoder(new ClipModel(config with { Vision = config.Vision with { NumHiddenLayers = 1 } }),
            TinyClip.ZeroShotFolder);

        var error = Assert.Throws<WeightSpaceException>(() => WeightInterpolation.Interpolate(_zeroShot, _zeroShot, shallower, 0.5));

        Assert.Contains("2 layers", error.Message);
        Assert.Contains("1 layers", error.Message);
        Assert.Contains("one architecture", error.Message);
    }

    [Fact]
    public void Heads_of_different_shapes_and_an_alpha_outside_0_to_1_are_refused()
    {
        using var threeClasses = Head(seed: 1, logitScale: 1, classes: 3);
        using var fourClasses = Head(seed: 2, logitScale: 1, classes: 4);

        Assert.Contains("[3, 8] (zero-shot) against [4, 8] (fine-tuned)",
            Assert.Throws<WeightSpaceException>(() => WeightInterpolation.Interpolate(threeClasses, fourClasses, 0.5)).Message);
        Assert.Contains("[0, 1]", Assert.Throws<WeightSpaceException>(() => WeightInterpolation.Interpolate(threeClasses, threeClasses, 1.5)).Message);
    }

    public void Dispose()
    {
        _zeroShot.Dispose();
        _fineTuned.Dispose();
        _folder.Dispose();
    }

    private static ZeroShotHead Head(int seed, double logitScale, int classes = 3)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        return ZeroShotHead.FromLinear(randn(classes, 8, generator: generator), randn(classes, generator: generator), tensor((float)logitScale));
    }

    private static float[] Mix(float[] zeroShot, float[] fineTuned, double alpha) => alpha switch
    {
        0.0 => zeroShot,
        1.0 => fineTuned,
        _ => [.. zeroShot.Zip(fineTuned, (zs, ft) => (float)(((double)zs + ft) / 2))],
    };

    /// <summary>CLIP's image tower and its projection: the parameters a weight-space ensemble mixes.</summary>
    private static bool IsImageTowerParameter(string name) =>
        name.StartsWith("vision_model.", StringComparison.Ordinal) || name.StartsWith("visual_projection.", StringComparison.Ordinal);

    private static Tensor Parameter(IImageEncoder encoder, string name) =>
        encoder.Module.named_parameters().Single(p => p.name == name).parameter;

    private static float[] Floats(Tensor tensor) => tensor.detach().cpu().contiguous().data<float>().ToArray();
}
