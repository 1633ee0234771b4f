using Vrf.Method;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Serving.Scoring;

/// <summary>
/// Combines one image's two logit vectors into class probabilities with the core library's ensembles: VRF with the
/// version's (a, b) and temperatures, either model alone, or the output-space ensemble at α. Stateless. Under a class
/// mask (a test split of only some classes) the other classes' logits are dropped before any softmax, as the
/// reference code scores ImageNet-A and -R, and their probabilities are 0.
/// </summary>
public static class EnsembleScorer
{
    /// <param name="distance">d for the image; required by <see cref="ScoringMode.Vrf"/>, reported for any mode.</param>
    /// <param name="oseAlpha">α for <see cref="ScoringMode.OutputSpace"/>; the version's tuned α when null.</param>
    /// <param name="mask">The classes the image may belong to; every class when null.</param>
    /// <exception cref="InvalidFeatureException">The logits do not have one finite value per class of the model.</exception>
    public static EnsembleScore Score(float[] zeroShotLogits, float[] fineTunedLogits, int classCount, VrfParameters parameters,
        ScoringMode mode, double? distance = null, double? oseAlpha = null, ClassMask? mask = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ValidateLogits(zeroShotLogits, fineTunedLogits, classCount);
        var logits = new ModelLogits(Row(zeroShotLogits), Row(fineTunedLogits));
        var zeroShot = Softmax.Rows(logits.Project(mask).ZeroShot);
        var fineTuned = Softmax.Rows(logits.Project(mask).FineTuned);
        var (probabilities, weight) = mode switch
        {
            ScoringMode.Vrf => Vrf(logits, parameters, distance, mask),
            ScoringMode.ZeroShot => (zeroShot, 0.0),
            ScoringMode.FineTuned => (fineTuned, 1.0),
            ScoringMode.OutputSpace => OutputSpace(logits, oseAlpha ?? parameters.OseAlpha, mask),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown scoring mode."),
        };
        var (all, allZeroShot, allFineTuned) = mask is null
            ? (probabilities, zeroShot, fineTuned)
            : (mask.Expand(probabilities), mask.Expand(zeroShot), mask.Expand(fineTuned));
        return new EnsembleScore(mode, all.Data, Argmax.Of(all.Data), weight, distance, allZeroShot.Data, allFineTuned.Data);
    }

    /// <summary>Checks that both logit vectors are there and hold one finite value per class, as a message from another
    /// service must before it is scored or passed on.</summary>
    /// <exception cref="InvalidFeatureException">A vector is missing, of the wrong size, or holds a NaN or an infinity.</exception>
    public static void ValidateLogits(float[]? zeroShotLogits, float[]? fineTunedLogits, int classCount)
    {
        if (zeroShotLogits is null || fineTunedLogits is null)
        {
            throw new InvalidFeatureException(
                $"The {(zeroShotLogits is null ? "zero-shot" : "fine-tuned")} logits are missing; the model has {classCount} classes.");
        }
        if (zeroShotLogits.Length != classCount || fineTunedLogits.Length != classCount)
        {
            throw new InvalidFeatureException(
                $"The model has {classCount} classes but the logits have {zeroShotLogits.Length} (zero-shot) and {fineTunedLogits.Length} (fine-tuned) values.");
        }
        if (!zeroShotLogits.All(float.IsFinite) || !fineTunedLogits.All(float.IsFinite))
        {
            throw new InvalidFeatureException("The logits hold a NaN or an infinity.");
        }
    }

    private static (Matrix Probabilities, double Weight) Vrf(ModelLogits logits, VrfParameters parameters, double? distance, ClassMask? mask)
    {
        if (distance is not { } d || double.IsNaN(d))
        {
            throw new ArgumentException("VRF scoring needs the image's distance to the failure set.", nameof(distance));
        }
        var weight = parameters.Weight.At(d);
        return (new VrfEnsemble(logits, parameters.Temperatures, mask).Probabilities([weight]), weight);
    }

    private static (Matrix Probabilities, double Weight) OutputSpace(ModelLogits logits, double alpha, ClassMask? mask)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The output-space α must lie in [0, 1].");
        }
        return (new OutputSpaceEnsemble(logits, mask).Probabilities(alpha), alpha);
    }

    private static Matrix Row(float[] values) => new(1, values.Length, [.. values.Select(x => (double)x)]);
}
