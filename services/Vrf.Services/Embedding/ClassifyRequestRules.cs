using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Embedding;

/// <summary>What a <see cref="ClassifyImage"/> must satisfy, checked before any work is spent on its image.</summary>
public static class ClassifyRequestRules
{
    /// <summary>The most nearest failures a result lists.</summary>
    public const int MaxNearestFailures = 100;

    /// <summary>What is wrong with the output a request asks for, which every stage passes on; null when nothing is.</summary>
    public static string? OutputProblem(int topK, int nearestFailureCount) =>
        topK < 1 ? $"TopK is {topK}; ask for at least 1 class"
        : nearestFailureCount is < 0 or > MaxNearestFailures ? $"NearestFailureCount is {nearestFailureCount}; ask for 0 to {MaxNearestFailures}"
        : null;

    /// <exception cref="UnprocessableMessageException">The request breaks a rule; the message says which.</exception>
    public static void Validate(ClassifyImage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem =
            request.ImageBytes is null ? "it carries no image"
            : OutputProblem(request.TopK, request.NearestFailureCount) is { } output ? output
            : request.OseAlpha is { } alpha && !(alpha >= 0 && alpha <= 1) ? $"OseAlpha is {alpha}; it must lie in [0, 1]"
            : request.EnsembleMode is { } mode && !Enum.IsDefined(mode) ? $"EnsembleMode {(int)mode} is not a known mode"
            : null;
        if (problem is not null)
        {
            throw new UnprocessableMessageException($"Classify request {request.RequestId} is not valid: {problem}.");
        }
    }
}
