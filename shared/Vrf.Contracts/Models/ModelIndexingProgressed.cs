namespace Vrf.Contracts;

/// <summary>Event: progress of the failure-index service preparing a model version (building the zero-shot failure
/// set, calibrating temperatures, tuning the weight's a and b on validation).</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The version being prepared.</param>
/// <param name="Phase">The current phase, for example <c>features</c>, <c>failure-set</c>, <c>calibration</c> or
/// <c>weight-tuning</c>.</param>
/// <param name="Completed">Units of work done in this phase.</param>
/// <param name="Total">Units of work in this phase.</param>
public sealed record ModelIndexingProgressed(string ModelName, int Version, string Phase, int Completed, int Total);
