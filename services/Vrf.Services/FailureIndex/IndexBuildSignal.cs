namespace Vrf.Services.FailureIndex;

/// <summary>Wakes this replica's <see cref="IndexBuildWorker"/> when a build was asked for here.</summary>
public sealed class IndexBuildSignal : WorkSignal;
