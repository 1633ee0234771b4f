namespace Vrf.Method.Evaluation;

/// <summary>
/// The outcome of a cached evaluation: the failure set and K, the temperatures fitted on validation, the searches on
/// validation, every test split's results, and warnings for the user (empty failure set, clamped K).
/// </summary>
public sealed record CachedEvaluationResult(
    string Case,
    EvaluationParameters Parameters,
    ZeroShotFailureSet Failures,
    NeighbourRank NeighbourRank,
    CalibratedTemperature ZeroShotTemperature,
    CalibratedTemperature FineTunedTemperature,
    IReadOnlyList<double> ValidationDistances,
    OseAlphaSearch OseSearch,
    VrfParameterSearch VrfSearch,
    IReadOnlyList<TestSplitResult> Tests,
    IReadOnlyList<string> Warnings);
