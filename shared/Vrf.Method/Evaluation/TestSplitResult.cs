namespace Vrf.Method.Evaluation;

/// <summary>Everything measured on one test split; probabilities and predictions are over its kept classes.</summary>
public sealed record TestSplitResult(
    string Name,
    int Rows,
    IReadOnlyList<double> Distances,
    IReadOnlyList<double> Weights,
    Matrix VrfProbabilities,
    IReadOnlyList<int> VrfPredictions,
    double VrfAccuracy,
    double ZeroShotAccuracy,
    double FineTunedAccuracy,
    IReadOnlyList<double> OseAccuracies,
    double OseAccuracyAtAlpha,
    double VrfTunedAccuracy,
    IReadOnlyList<int> LsePredictions,
    double LseAccuracy);
