using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Services.Embedding;

namespace Vrf.Services.Scorer;

/// <summary>What a <see cref="FailureDistanceMeasured"/> must satisfy before the scorer scores it (its logits are
/// checked by the ensemble itself).</summary>
public static class MeasuredImageRules
{
    /// <exception cref="UnprocessableMessageException">The message breaks a rule; the message says which.</exception>
    public static void Validate(FailureDistanceMeasured measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (ClassifyRequestRules.OutputProblem(measured.TopK, nearestFailureCount: 0) is { } problem)
        {
            throw new UnprocessableMessageException($"Measured image {measured.RequestId} is not valid: {problem}.");
        }
    }
}
