namespace Vrf.Method;

/// <summary>A member of the failure set near a query: its row in the set and its squared distance to the query.</summary>
public sealed record FailureNeighbour(int Member, double Distance);
