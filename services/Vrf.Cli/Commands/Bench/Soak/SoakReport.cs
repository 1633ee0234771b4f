using Vrf.Cli.Commands.Bench.Pipeline;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>What <c>vrf bench soak --json</c> writes: the machine, the rates, every interval and the verdict.</summary>
/// <param name="SustainableImagesPerS">The closed loop's rate, or the one given with <c>--rate</c>.</param>
/// <param name="ImagesPerS">The open loop's rate.</param>
public sealed record SoakReport(Pipeline.BenchMachine Machine, string Model, double SustainableImagesPerS, double ImagesPerS,
    double DurationS, double IntervalS, IReadOnlyList<SoakInterval> Intervals, SoakVerdict Verdict);
