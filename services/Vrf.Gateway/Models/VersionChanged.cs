namespace Vrf.Gateway.Models;

/// <summary>The answer of <c>POST /v1/models/{name}/versions/{version}/promote</c> and <c>…/retire</c>: the store records
/// the change; every worker follows once the bus event reaches it.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Version">The version that changed.</param>
/// <param name="Status">promoted or retired.</param>
/// <param name="CurrentVersion">The version requests without a version get now; null when none is ready.</param>
public sealed record VersionChanged(string Model, int Version, string Status, int? CurrentVersion);
