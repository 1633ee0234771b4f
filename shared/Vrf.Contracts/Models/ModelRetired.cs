namespace Vrf.Contracts;

/// <summary>Event: a model version is no longer served; workers release what they hold for it.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The retired version.</param>
public sealed record ModelRetired(string ModelName, int Version);
