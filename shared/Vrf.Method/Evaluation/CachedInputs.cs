namespace Vrf.Method.Evaluation;

/// <summary>The contents of an <c>inputs.json</c> (schema <c>vrf-fixture-inputs/1</c>), validated.</summary>
public sealed record CachedInputs(
    string Case,
    string Description,
    int ClassCount,
    int FeatureDimension,
    EvaluationParameters Parameters,
    LabelledSplit Train,
    LabelledSplit Validation,
    IReadOnlyList<LabelledSplit> Tests)
{
    public const string Schema = "vrf-fixture-inputs/1";
}
