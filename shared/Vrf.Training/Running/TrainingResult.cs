namespace Vrf.Training.Running;

/// <summary>How a run of the training loop ended.</summary>
/// <param name="ResumedFromStep">The checkpoint step it resumed after; 0 when it started afresh.</param>
/// <param name="FinalLoss">The mean step loss of the last epoch.</param>
/// <param name="StartedAt">When the job first started training (kept across resumptions).</param>
internal sealed record TrainingResult(long Steps, long ResumedFromStep, double FinalLoss, DateTimeOffset StartedAt);
