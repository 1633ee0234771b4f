namespace Vrf.Serving.Failures;

/// <summary>
/// d for one query: the squared L2 distance from its normalised feature to its K-th nearest zero-shot failure (in
/// [0, 4]; +∞ for an empty failure set), and the nearest failures when they were asked for, closest first.
/// </summary>
public sealed record FailureDistance(double Distance, IReadOnlyList<NearbyFailure> Nearest);
