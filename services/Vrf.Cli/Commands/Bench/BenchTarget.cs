namespace Vrf.Cli.Commands.Bench;

/// <summary>A model folder to measure, what to call it, and how many batches its memory trace runs (0: none).</summary>
public sealed record BenchTarget(string Name, string Folder, int MemoryBatches);
