namespace Vrf.Contracts;

/// <summary>Event: a model bundle was added to the model store from outside (not trained here). The failure-index
/// service indexes it like a trained one.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The version the bundle was stored as.</param>
/// <param name="BundlePath">The bundle's folder, relative to the model store.</param>
public sealed record ModelImported(string ModelName, int Version, string BundlePath);
