namespace Vrf.Cli.Commands.Classify;

/// <summary>How <c>vrf classify</c> shows its results: each one as it arrives, then a summary.</summary>
internal interface IResultsReport
{
    void Start();

    /// <summary>Called once per image, from any thread, one call at a time.</summary>
    void Add(ClassifiedImage image);

    void Finish(ClassificationSummary summary);
}
