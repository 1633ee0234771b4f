using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Serving.WeightSpace;

/// <summary>
/// WiSE-FT's interpolation, θ = (1 − α)·θ_zs + α·θ_ft for every weight of the image path (the encoder's
/// <see cref="IImageEncoder.ImageWeights"/>, by its own names) and of the head (weight and bias). Whatever images do not
/// go through (CLIP's text tower and <c>logit_scale</c>) stays the target's: only images go through the fine-tuned side.
/// </summary>
public static class WeightInterpolation
{
    /// <exception cref="WeightSpaceException">The encoders differ in architecture or in a weight's shape.</exception>
    public static void RequireSameImageTower(IImageEncoder zeroShot, IImageEncoder fineTuned)
    {
        ArgumentNullException.ThrowIfNull(zeroShot);
        ArgumentNullException.ThrowIfNull(fineTuned);
        if (zeroShot.Kind != fineTuned.Kind || zeroShot.Architecture != fineTuned.Architecture)
        {
            throw new WeightSpaceException(
                $"The zero-shot and the fine-tuned image towers differ ({Describe(zeroShot)} against {Describe(fineTuned)}): " +
                "weights can only be interpolated between models of one architecture.");
        }
        var fineTunedShapes = fineTuned.ImageWeights.ToDictionary(w => w.Name, w => w.Weight.shape, StringComparer.Ordinal);
        foreach (var (name, weight) in zeroShot.ImageWeights)
        {
            if (!fineTunedShapes.TryGetValue(name, out var shape) || !shape.SequenceEqual(weight.shape))
            {
                throw new WeightSpaceException(
                    $"The image towers differ in '{name}': {ShapeFormat.Of(weight.shape)} (zero-shot) against " +
                    $"{(shape is null ? "none" : ShapeFormat.Of(shape))} (fine-tuned); weights can only be interpolated between models of one shape.");
            }
        }
    }

    /// <summary>Sets <paramref name="target"/>'s image weights to (1 − α)·zero-shot + α·fine-tuned; its other weights are left alone.</summary>
    /// <exception cref="WeightSpaceException">The encoders differ in shape.</exception>
    public static void Interpolate(IImageEncoder target, IImageEncoder zeroShot, IImageEncoder fineTuned, double alpha)
    {
        ArgumentNullException.ThrowIfNull(target);
        RequireAlpha(alpha);
        RequireSameImageTower(zeroShot, fineTuned);
        RequireSameImageTower(zeroShot, target);
        var zeroShotWeights = zeroShot.ImageWeights.ToDictionary(w => w.Name, w => w.Weight, StringComparer.Ordinal);
        var fineTunedWeights = fineTuned.ImageWeights.ToDictionary(w => w.Name, w => w.Weight, StringComparer.Ordinal);
        using var noGrad = no_grad();
        foreach (var (name, weight) in target.ImageWeights)
        {
            using var scope = NewDisposeScope();
            weight.copy_(Mix(zeroShotWeights[name], fineTunedWeights[name], alpha));
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
        HeldScalar.With(1 - alpha, zeroShot.mul).add(HeldScalar.With(alpha, fineTuned.to(zeroShot.dtype, zeroShot.device).mul));

    private static void RequireAlpha(double alpha)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new WeightSpaceException($"α must lie in [0, 1], not {alpha}.");
        }
    }

    private static string Describe(IImageEncoder encoder) => $"{encoder.Kind}: {encoder.Architecture}";
}
