using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench;

/// <summary>What <c>vrf bench index</c> measures, how long, and with how many threads.</summary>
public sealed class IndexBenchSettings : CommandSettings
{
    [CommandOption("--sizes <LIST>")]
    [Description("Failure-set sizes |V|, comma-separated: random unit vectors, one set per size.")]
    [DefaultValue("10000,100000,500000")]
    public string Sizes { get; init; } = "10000,100000,500000";

    [CommandOption("--batches <LIST>")]
    [Description("Queries per look-up, comma-separated.")]
    [DefaultValue("1,256")]
    public string Batches { get; init; } = "1,256";

    [CommandOption("--ks <LIST>")]
    [Description("K, the rank of the neighbour whose distance is d, comma-separated (each at most the smallest size).")]
    [DefaultValue("1,10,100")]
    public string Ks { get; init; } = "1,10,100";

    [CommandOption("--dim <N>")]
    [Description("Feature dimension.")]
    [DefaultValue(512)]
    public int Dimension { get; init; } = 512;

    [CommandOption("--seed <N>")]
    [Description("Seed of the random vectors and queries (both sides get the same ones).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--seconds <S>")]
    [Description("Least time each look-up measurement runs (and at least 3 runs), on each side.")]
    [DefaultValue(1.0)]
    public double Seconds { get; init; } = 1.0;

    [CommandOption("--threads <N>")]
    [Description("Threads, the same for TorchSharp and faiss (OpenMP and OpenBLAS). Default: the number of cores.")]
    public int? Threads { get; init; }

    [CommandOption("--no-peer")]
    [Description("Skip faiss (otherwise installed when missing: Debian's python3-faiss and libopenblas0-pthread).")]
    public bool NoPeer { get; init; }

    [CommandOption("--qdrant-max-size <N>")]
    [Description("With QDRANT_URL set, also measure Qdrant (exact and HNSW) on the sizes up to this one.")]
    [DefaultValue(100_000)]
    public int QdrantMaxSize { get; init; } = 100_000;

    [CommandOption("--json <FILE>")]
    [Description("Also write every figure to this JSON file.")]
    public string? Json { get; init; }

    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    public IReadOnlyList<int> SizeList => CommaList.Parse(Sizes);

    public IReadOnlyList<int> BatchList => CommaList.Parse(Batches);

    public IReadOnlyList<int> KList => CommaList.Parse(Ks);

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        foreach (var (name, text) in new[] { ("--sizes", Sizes), ("--batches", Batches), ("--ks", Ks) })
        {
            if (!CommaList.TryParse(text, out _))
            {
                problems.Add($"{name} '{text}' should be positive whole numbers separated by commas");
            }
        }
        if (CommaList.TryParse(Sizes, out var sizes) && CommaList.TryParse(Ks, out var ks) && ks.Max() > sizes.Min())
        {
            problems.Add($"--ks {ks.Max()} is more than the smallest of --sizes, {sizes.Min()} vectors");
        }
        if (Dimension <= 0)
        {
            problems.Add($"--dim {Dimension} should be positive");
        }
        if (!(Seconds > 0))
        {
            problems.Add($"--seconds {Seconds} should be positive");
        }
        if (ThreadCount <= 0)
        {
            problems.Add($"--threads {ThreadCount} should be positive");
        }
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems) + ".");
    }
}
