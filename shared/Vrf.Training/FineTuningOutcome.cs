using Vrf.Serving.Store;

namespace Vrf.Training;

/// <summary>What a fine-tuning job produced.</summary>
/// <param name="Bundle">The new version, status <see cref="ModelStatus.Indexing"/> when written by this run.</param>
/// <param name="ValidationAccuracy">Top-1 accuracy of the fine-tuned classifier on the validation images, in [0, 1].</param>
/// <param name="Steps">Optimisation steps of the whole run.</param>
/// <param name="ResumedFromStep">The checkpoint step this run resumed after; 0 when it started afresh.</param>
public sealed record FineTuningOutcome(ModelBundle Bundle, double ValidationAccuracy, long Steps, long ResumedFromStep);
