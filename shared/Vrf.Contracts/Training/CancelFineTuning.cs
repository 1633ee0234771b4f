namespace Vrf.Contracts;

/// <summary>Command: stop a running retrain job. Answered with <see cref="FineTuningCancelled"/>.</summary>
/// <param name="JobId">The job to stop.</param>
/// <param name="Reason">Why, for the job's record; optional.</param>
public sealed record CancelFineTuning(Guid JobId, string? Reason = null);
