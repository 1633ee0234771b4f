namespace Vrf.Contracts;

/// <summary>Event: a retrain job stopped because a <see cref="CancelFineTuning"/> asked it to; nothing was published.</summary>
/// <param name="JobId">The job.</param>
/// <param name="ModelName">The model it was training.</param>
/// <param name="CompletedSteps">Optimisation steps done before it stopped.</param>
public sealed record FineTuningCancelled(Guid JobId, string ModelName, long CompletedSteps);
