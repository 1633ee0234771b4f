namespace Vrf.Contracts;

/// <summary>Event: a fine-tuning worker started a retrain job, or resumed it from a checkpoint after a restart.</summary>
/// <param name="JobId">The job.</param>
/// <param name="ModelName">The model being trained.</param>
/// <param name="BaseVersion">The version it starts from.</param>
/// <param name="TotalSteps">Optimisation steps the job will take, over every stage.</param>
/// <param name="ResumedFromStep">The checkpoint's step when resumed; 0 for a fresh start.</param>
public sealed record FineTuningStarted(Guid JobId, string ModelName, int BaseVersion, long TotalSteps, long ResumedFromStep);
