using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Embedding;

/// <summary>What a <see cref="ClassifyImage"/> must satisfy, checked before any work is spent on its image.</summary>
public static class ClassifyRequestRules
{
    /// <summary>The most nearest failures a result lists.</summary>
    public const int MaxNearestFailures = 100;

    /// <exception cref="UnprocessableMessageException">The request breaks a rule; the message says which.</exception>
    public static void Validate(ClassifyImage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem =
            request.ImageBytes is null ? "it carries no image"
            : request.TopK < 1 ? $"TopK is {request.TopK}; ask for at least 1 class"
            : request.NearestFailureCount is < 0 or > MaxNearestFailures
                ? $"NearestFailureCount is {request.NearestFailureCount}; ask for 0 to {MaxNearestFailures}"
            : request.OseAlpha is { } alpha && !(alpha >= 0 && alpha <= 1) ? $"OseAlpha is {alpha}; it must lie in [0, 1]"
            : request.EnsembleMode is { } mode && !Enum.IsDefined(mode) ? $"EnsembleMode {(int)mode} is not a known mode"
            : null;
        if (problem is not null)
        {
            throw new UnprocessableMessageException($"Classify request {request.RequestId} is not valid: {problem}.");
        }
    }
}
