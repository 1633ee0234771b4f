namespace Vrf.Serving.Scoring;

/// <summary>One image scored: the ensemble's probabilities and prediction, and the parts that explain them.</summary>
/// <param name="Probabilities">The ensemble's class probabilities (they sum to 1).</param>
/// <param name="PredictedClass">argmax of <paramref name="Probabilities"/>, the lowest index on ties.</param>
/// <param name="Weight">The fine-tuned model's share: ω(d) for VRF, 0, 1 or α for the other modes.</param>
/// <param name="Distance">d, when it was measured.</param>
/// <param name="ZeroShotProbabilities">softmax(z_zs), the zero-shot model's own view.</param>
/// <param name="FineTunedProbabilities">softmax(z_ft), the fine-tuned model's own view.</param>
public sealed record EnsembleScore(
    ScoringMode Mode,
    double[] Probabilities,
    int PredictedClass,
    double Weight,
    double? Distance,
    double[] ZeroShotProbabilities,
    double[] FineTunedProbabilities);
