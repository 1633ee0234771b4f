namespace Vrf.Services.FineTuning;

/// <summary>Wakes this replica's <see cref="FineTuningWorker"/> when a job was accepted here.</summary>
public sealed class FineTuningJobSignal : WorkSignal;
