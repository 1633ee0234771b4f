using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Services.FineTuning;

/// <summary>What a <see cref="RetrainModel"/> must satisfy on its face, before the store and the image folders are
/// looked at (the trainer's <c>FineTuningSettings.From</c> checks the numbers).</summary>
public static class RetrainRequestRules
{
    /// <exception cref="UnprocessableMessageException">The request breaks a rule; the message says which.</exception>
    public static void Validate(RetrainModel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem =
            request.JobId == Guid.Empty ? "JobId is empty; choose a new id per job"
            : request.BaseVersion is < 1 ? $"BaseVersion is {request.BaseVersion}; versions start at 1"
            : PathProblem("TrainPath", request.TrainPath) ?? PathProblem("ValidationPath", request.ValidationPath)
              ?? (request.TestPath is null ? null : PathProblem("TestPath", request.TestPath));
        if (problem is not null)
        {
            throw new UnprocessableMessageException($"Retrain request {request.JobId} is not valid: {problem}.");
        }
    }

    private static string? PathProblem(string name, string? path) =>
        string.IsNullOrWhiteSpace(path) ? $"{name} is empty"
        : !Path.IsPathFullyQualified(path) ? $"{name} '{path}' is relative; give the folder's absolute path as the fine-tuning service sees it"
        : null;
}
