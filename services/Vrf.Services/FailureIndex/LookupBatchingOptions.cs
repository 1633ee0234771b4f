using Vrf.Serving.Failures;
using Vrf.Services.Batching;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// How the failure-index service batches look-ups, from the <c>FailureIndex</c> configuration section (beside the index's
/// own settings): the features of N messages of one version, or those that arrived within T ms of the first, go to the
/// index as one query batch (defaults: 64 or 5 ms; 128 messages at once). A batch is one matrix product over the
/// failure set where single look-ups would stream the whole set once per image.
/// </summary>
public sealed class LookupBatchingOptions : BatchingOptions
{
    public const string Section = FailureIndexOptions.Section;

    public LookupBatchingOptions()
    {
        MaxBatchSize = 64;
        MaxBatchDelayMs = 5;
    }

    protected override string SectionName => Section;
}
