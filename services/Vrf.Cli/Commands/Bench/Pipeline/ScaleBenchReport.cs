namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>What <c>vrf bench scale --json</c> writes.</summary>
public sealed record ScaleBenchReport(BenchMachine Machine, IReadOnlyList<ScaleBenchRow> Scale);
