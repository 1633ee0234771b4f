namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>What <c>vrf bench pipeline --json</c> writes.</summary>
public sealed record PipelineBenchReport(BenchMachine Machine, IReadOnlyList<PipelineBenchRow> Pipeline);
