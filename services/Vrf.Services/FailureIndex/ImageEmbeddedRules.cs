using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Services.Embedding;

namespace Vrf.Services.FailureIndex;

/// <summary>
/// What an <see cref="ImageEmbedded"/> must satisfy before the failure-index service measures it: a message published
/// straight to its queue is refused there, with its reason, rather than passed on to fail at the scorer or to list
/// every failure of the set.
/// </summary>
public static class ImageEmbeddedRules
{
    /// <param name="bundle">The version the message names, for its class count.</param>
    /// <exception cref="UnprocessableMessageException">The message breaks a rule; the message says which.</exception>
    /// <exception cref="Vrf.Serving.Failures.InvalidFeatureException">The logits are missing, of the wrong size, or not finite.</exception>
    public static void Validate(ImageEmbedded embedded, ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(bundle);
        var problem = embedded.FineTunedFeature is null ? "it carries no fine-tuned feature"
            : ClassifyRequestRules.OutputProblem(embedded.TopK, embedded.NearestFailureCount);
        if (problem is not null)
        {
            throw new UnprocessableMessageException($"Embedded image {embedded.RequestId} is not valid: {problem}.");
        }
        EnsembleScorer.ValidateLogits(embedded.ZeroShotLogits, embedded.FineTunedLogits, bundle.Manifest.ClassNames.Count);
    }
}
