namespace Vrf.Contracts;

/// <summary>Event: a model version is now the current one. Every replica of every worker receives it (one endpoint
/// per instance) and switches without dropping a message.</summary>
/// <param name="ModelName">The model.</param>
/// <param name="Version">The version that <see cref="ClassifyImage"/> requests without a version now get.</param>
public sealed record ModelPromoted(string ModelName, int Version);
