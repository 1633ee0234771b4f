using Vrf.Clip.Modeling;
using Vrf.Clip.Weights;
using Vrf.Clip.ZeroShot;
using static TorchSharp.torch;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// WiSE-FT's interpolation, θ = (1 − α)·θ_zs + α·θ_ft for every parameter of the image tower (<c>vision_model.*</c> and
/// <c>visual_projection.*</c>) and of the head (weight and bias). The text tower and <c>logit_scale</c> stay the
/// zero-shot model's: only images go through the fine-tuned side.
/// </summary>
public static class WeightInterpolation
{
    private static readonly string[] ImageTowerPrefixes = ["vision_model.", "visual_projection."];

    /// <summary>True for the parameters of the image tower and its projection, the ones that are interpolated.</summary>
    public static bool IsImageTowerParameter(string name) =>
        ImageTowerPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <exception cref="WeightSpaceException">The towers differ in configuration or in a parameter's shape.</exception>
    public static void RequireSameImageTower(ClipModel zeroShot, ClipModel fineTuned)
    {
        ArgumentNullException.ThrowIfNull(zeroShot);
        ArgumentNullException.ThrowIfNull(fineTuned);
        if (zeroShot.Config.Vision != fineTuned.Config.Vision || zeroShot.Config.ProjectionDim != fineTuned.Config.ProjectionDim)
        {
            throw new WeightSpaceException(
                $"The zero-shot and the fine-tuned image towers differ ({Describe(zeroShot)} against {Describe(fineTuned)}): " +
                "weights can only be interpolated between models of one architecture.");
        }
        var fineTunedShapes = fineTuned.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape, StringComparer.Ordinal);
        foreach (var (name, parameter) in zeroShot.named_parameters().Where(p => IsImageTowerParameter(p.name)))
        {
            if (!fineTunedShapes.TryGetValue(name, out var shape) || !shape.SequenceEqual(parameter.shape))
            {
                throw new WeightSpaceException(
                    $"The image towers differ in '{name}': {ShapeFormat.Of(parameter.shape)} (zero-shot) against " +
                    $"{(shape is null ? "none" : ShapeFormat.Of(shape))} (fine-tuned); weights can only be interpolated between models of one shape.");
            }
        }
    }

    /// <summary>Sets <paramref name="target"/>'s image tower to (1 − α)·zero-shot + α·fine-tuned; its other parameters are left alone.</summary>
    /// <exception cref="WeightSpaceException">The towers differ in shape.</exception>
    public static void Interpolate(ClipModel target, ClipModel zeroShot, ClipModel fineTuned, double alpha)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireAlpha(alpha);
        RequireSameImageTower(zeroShot, fineTuned);
        RequireSameImageTower(zeroShot, target);
        var zeroShotParameters = zeroShot.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        var fineTunedParameters = fineTuned.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);
        using var noGrad = no_grad();
        foreach (var (name, parameter) in target.named_parameters().Where(p => IsImageTowerParameter(p.name)))
        {
            using var scope = NewDisposeScope();
            parameter.copy_(Mix(zeroShotParameters[name], fineTunedParameters[name], alpha));
        }
    }

    /// <summary>The head (1 − α)·zero-shot + α·fine-tuned (weight and bias), with the zero-shot head's logit scale.</summary>
    /// <exception cref="WeightSpaceException">The heads map different dimensions or classes.</exception>
    public static ZeroShotHead Interpolate(ZeroShotHead zeroShot, ZeroShotHead fineTuned, double alpha)
    {
        ArgumentNullException.ThrowIfNull(zeroShot);
        ArgumentNullException.ThrowIfNull(fineTuned);
        RequireAlpha(alpha);
        if (!zeroShot.Weights.shape.SequenceEqual(fineTuned.Weights.shape))
        {
            throw new WeightSpaceException(
                $"The heads differ: {ShapeFormat.Of(zeroShot.Weights.shape)} (zero-shot) against {ShapeFormat.Of(fineTuned.Weights.shape)} " +
                "(fine-tuned), [classes, dim]; weights can only be interpolated between heads of one shape.");
        }
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return ZeroShotHead.FromLinear(
            Mix(zeroShot.Weights, fineTuned.Weights, alpha),
            Mix(zeroShot.Bias, fineTuned.Bias, alpha),
            zeroShot.LogitScale);
    }

    /// <summary>(1 − α)·zero-shot + α·fine-tuned, in the zero-shot tensor's type and on its device.</summary>
    private static Tensor Mix(Tensor zeroShot, Tensor fineTuned, double alpha) =>
        zeroShot.mul(1 - alpha).add(fineTuned.to(zeroShot.dtype, zeroShot.device).mul(alpha));

    private static void RequireAlpha(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new WeightSpaceException($"α must lie in [0, 1], not {alpha}.");
        }
    }

    private static string Describe(ClipModel model)
    {
        var vision = model.Config.Vision;
        return $"{vision.NumHiddenLayers} layers of width {vision.HiddenSize}, {vision.PatchSize}-pixel patches of {vision.ImageSize}-pixel images, " +
               $"{vision.HiddenAct}, projected to {model.Config.ProjectionDim}";
    }
}
