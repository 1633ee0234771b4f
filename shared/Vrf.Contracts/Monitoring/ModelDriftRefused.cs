namespace Vrf.Contracts;

/// <summary>The monitor's answer to a <see cref="CheckModelDrift"/> it cannot report on.</summary>
/// <param name="Reason">Why, in words a user can act on.</param>
/// <param name="Unknown">The store has no such model or version; otherwise the version is not served (being indexed,
/// failed, retired) or the model has no ready version.</param>
public sealed record ModelDriftRefused(string Reason, bool Unknown);
