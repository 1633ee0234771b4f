using Vrf.Contracts;
using Vrf.Services.Scorer;

namespace Vrf.Services.Tests.Support;

/// <summary>The in-process reference for one image: its classification and d (which the pipeline reports in every mode).</summary>
public sealed record ReferenceResult(Vrf.Serving.Scoring.Classification Classification, double Distance)
{
    /// <summary>How far a service result may be from the reference: float32 encoders batched differently.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Asserts that a service result equals this reference: same version, mode and classes, and ω, d and every
    /// listed probability within <see cref="Tolerance"/>.</summary>
    public void AssertMatches(ImageClassified actual)
    {
        var expected = Classification;
        Assert.Equal(expected.Model.Name, actual.ModelName);
        Assert.Equal(expected.Model.Version, actual.ModelVersion);
        Assert.Equal(expected.Mode.ToEnsembleMode(), actual.EnsembleMode);
        Assert.Equal(expected.Predicted.Index, actual.PredictedClassIndex);
        Assert.Equal(expected.Predicted.Name, actual.PredictedClassName);
        Assert.Equal(expected.Weight, actual.Weight, Tolerance);
        Assert.NotNull(actual.Distance);
        if (double.IsFinite(Distance))
        {
            Assert.Equal(Distance, actual.Distance.Value, Tolerance);
        }
        else
        {
            Assert.Equal(Distance, actual.Distance.Value);
        }
        Assert.Equal(expected.TopClasses.Count, actual.TopClasses.Count);
        foreach (var listed in actual.TopClasses)
        {
            Assert.Equal(expected.Score.Probabilities[listed.Index], listed.Probability, Tolerance);
        }
        Assert.Equal(expected.TopClasses[0].Index, actual.TopClasses[0].Index);
        Assert.Equal(expected.ZeroShotTop.Index, actual.ZeroShotTopClass.Index);
        Assert.Equal(expected.ZeroShotTop.Probability, actual.ZeroShotTopClass.Probability, Tolerance);
        Assert.Equal(expected.FineTunedTop.Index, actual.FineTunedTopClass.Index);
        Assert.Equal(expected.FineTunedTop.Probability, actual.FineTunedTopClass.Probability, Tolerance);
    }
}
