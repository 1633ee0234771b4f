namespace Vrf.Contracts;

/// <summary>Event: a retrain job stopped without producing a model.</summary>
/// <param name="JobId">The job.</param>
/// <param name="ModelName">The model it was training.</param>
/// <param name="Reason">What went wrong, in words a client can act on.</param>
public sealed record FineTuningFailed(Guid JobId, string ModelName, string Reason);
