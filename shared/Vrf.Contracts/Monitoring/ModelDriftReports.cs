namespace Vrf.Contracts;

/// <summary>The monitor's answer to <see cref="CheckModelDrift"/>: for one model, the version asked for (its current
/// one by default); for every model, each current version and every other version whose window holds results.</summary>
/// <param name="Reports">The reports, by model name, then version.</param>
public sealed record ModelDriftReports(IReadOnlyList<ModelDriftReport> Reports);
