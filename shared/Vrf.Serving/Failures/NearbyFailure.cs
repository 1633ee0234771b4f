namespace Vrf.Serving.Failures;

/// <summary>A zero-shot failure near a query: the training sample, its class and its squared L2 distance (in [0, 4]).</summary>
public sealed record NearbyFailure(string SampleId, int Label, double Distance);
