using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench;

/// <summary>What <c>vrf bench clip</c> measures, how long, and with how many threads.</summary>
public sealed class ClipBenchSettings : DeviceSettings
{
    [CommandOption("--model <DIR>")]
    [Description("A Hugging Face CLIP folder (config.json + model.safetensors) to measure; repeatable. Default: the clip-tiny test fixture.")]
    public string[] Models { get; init; } = [];

    [CommandOption("--vit-b32")]
    [Description("Also measure a ViT-B/32-sized CLIP with random weights (--vit-b32 false to skip).")]
    [DefaultValue(true)]
    public bool VitB32 { get; init; } = true;

    [CommandOption("--batches <LIST>")]
    [Description("Image batch sizes, comma-separated.")]
    [DefaultValue("1,8,32")]
    public string Batches { get; init; } = "1,8,32";

    [CommandOption("--text-batch <N>")]
    [Description("Prompts per text-encoder batch (77 tokens each).")]
    [DefaultValue(32)]
    public int TextBatch { get; init; } = 32;

    [CommandOption("--seconds <S>")]
    [Description("Least time each measurement runs (and at least 3 runs).")]
    [DefaultValue(3.0)]
    public double Seconds { get; init; } = 3.0;

    [CommandOption("--memory-batches <N>")]
    [Description("Image batches of 8 run on each --model model while resident memory is watched (0 skips).")]
    [DefaultValue(1000)]
    public int MemoryBatches { get; init; } = 1000;

    [CommandOption("--vit-memory-batches <N>")]
    [Description("Image batches of 8 run on the ViT-B/32 model while resident memory is watched (0 skips).")]
    [DefaultValue(20)]
    public int VitMemoryBatches { get; init; } = 20;

    [CommandOption("--matmul-size <N>")]
    [Description("Side of the square float32 matrices whose product measures the machine's matmul rate.")]
    [DefaultValue(2048)]
    public int MatmulSize { get; init; } = 2048;

    [CommandOption("--threads <N>")]
    [Description("Intra-op threads, the same for TorchSharp and PyTorch. Default: the number of cores.")]
    public int? Threads { get; init; }


    [CommandOption("--no-peer")]
    [Description("Skip the PyTorch peer.")]
    public bool NoPeer { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write every figure to this JSON file.")]
    public string? Json { get; init; }

    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    public IReadOnlyList<int> ImageBatches => CommaList.Parse(Batches);

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (!CommaList.TryParse(Batches, out _))
        {
            problems.Add($"--batches '{Batches}' should be positive whole numbers separated by commas");
        }
        if (!(Seconds > 0))
        {
            problems.Add($"--seconds {Seconds} should be positive");
        }
        if (TextBatch <= 0)
        {
            problems.Add($"--text-batch {TextBatch} should be positive");
        }
        if (MemoryBatches < 0 || VitMemoryBatches < 0)
        {
            problems.Add("--memory-batches and --vit-memory-batches should not be negative");
        }
        if (MatmulSize <= 0)
        {
            problems.Add($"--matmul-size {MatmulSize} should be positive");
        }
        if (ThreadCount <= 0)
        {
            problems.Add($"--threads {ThreadCount} should be positive");
        }
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems) + ".");
    }
}
