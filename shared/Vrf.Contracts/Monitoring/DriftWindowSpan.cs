namespace Vrf.Contracts;

/// <summary>The results a drift window holds when its statistics were taken.</summary>
/// <param name="Size">How many results: the most recent ones, at most the window's capacity and no older than its age limit.</param>
/// <param name="From">When the oldest of them reached the monitor; <c>null</c> for an empty window.</param>
/// <param name="To">When the newest of them reached the monitor; <c>null</c> for an empty window.</param>
public sealed record DriftWindowSpan(int Size, DateTimeOffset? From, DateTimeOffset? To);
