namespace Vrf.Contracts;

/// <summary>Event: the failure-index service could not prepare a model version (an unusable dataset, a model folder
/// that does not load, ...). The version is marked failed in the model store with the same reason and is not served;
/// importing or indexing it again is allowed.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The version that failed.</param>
/// <param name="Reason">What went wrong, in words the importer can act on.</param>
public sealed record ModelIndexingFailed(string ModelName, int Version, string Reason);
