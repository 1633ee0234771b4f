namespace Vrf.Services;

/// <summary>The services' names: in <c>vrf serve --services</c>, in <c>ImageClassificationFailed.Stage</c> and as their
/// queue names.</summary>
public static class ServiceNames
{
    public const string Embedding = "embedding";
    public const string FailureIndex = "failure-index";
    public const string Scorer = "scorer";
    public const string FineTuning = "fine-tuning";
    public const string Monitor = "monitor";
}
