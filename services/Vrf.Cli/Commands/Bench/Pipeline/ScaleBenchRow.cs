namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>One measurement of <c>vrf bench scale</c>, as its JSON names it: the closed-loop throughput with
/// <paramref name="Replicas"/> processes of <paramref name="Service"/> (one of each other service).</summary>
/// <param name="Speedup">Images/s over the images/s with the fewest replicas measured of the same service.</param>
/// <param name="Efficiency">Speedup over the replica ratio: 1 is linear scaling (the target is ≥ 0.8).</param>
public sealed record ScaleBenchRow(string Model, string Transport, string Service, int Replicas, int Processes, double ImagesPerS,
    double P50Ms, double P95Ms, double P99Ms, int Failed, double Speedup, double Efficiency);
