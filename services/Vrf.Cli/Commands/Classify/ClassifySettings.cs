using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Contracts;
using Vrf.Services.Embedding;

namespace Vrf.Cli.Commands.Classify;

/// <summary>The options of <c>vrf classify</c>.</summary>
public sealed class ClassifySettings : BusSettings
{
    [CommandArgument(0, "<FILES>")]
    [Description("The images to classify (PNG, JPEG, WebP, GIF, BMP, ...).")]
    public string[] Files { get; init; } = [];

    [CommandOption("-m|--model <MODEL>", isRequired: true)]
    [Description("NAME for the current version, or NAME@VERSION.")]
    public string? Model { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("vrf (default), zero-shot, fine-tuned or ose (output-space ensemble with a constant α).")]
    [DefaultValue("vrf")]
    public string Mode { get; init; } = "vrf";

    [CommandOption("--alpha <A>")]
    [Description("The fine-tuned model's weight for --mode ose, in [[0, 1]] (default: the version's tuned α).")]
    public double? Alpha { get; init; }

    [CommandOption("--top-k <N>")]
    [Description("How many classes each result lists.")]
    [DefaultValue(5)]
    public int TopK { get; init; } = 5;

    [CommandOption("--nearest <N>")]
    [Description("How many nearest zero-shot failures each result lists (they explain d).")]
    [DefaultValue(0)]
    public int Nearest { get; init; }

    [CommandOption("--json")]
    [Description("Print one JSON object per result (and per failure) on standard output; the summary goes to standard error.")]
    public bool Json { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for each image's result.")]
    [DefaultValue(60.0)]
    public double Timeout { get; init; } = 60;

    [CommandOption("--parallel <N>")]
    [Description("How many images are in flight at once.")]
    [DefaultValue(64)]
    public int Parallel { get; init; } = 64;


    public EnsembleMode EnsembleMode => Mode.ToLowerInvariant() switch
    {
        "zero-shot" => EnsembleMode.ZeroShot,
        "fine-tuned" => EnsembleMode.FineTuned,
        "ose" => EnsembleMode.OutputSpace,
        _ => EnsembleMode.Vrf,
    };

    public override ValidationResult Validate() =>
        Files.Length == 0 ? ValidationResult.Error("name at least one image file")
        : Mode.ToLowerInvariant() is not ("vrf" or "zero-shot" or "fine-tuned" or "ose")
            ? ValidationResult.Error($"--mode must be vrf, zero-shot, fine-tuned or ose, not '{Mode}'")
        : Alpha is not null && EnsembleMode != EnsembleMode.OutputSpace ? ValidationResult.Error("--alpha is only used with --mode ose")
        : Alpha is { } alpha && !(alpha >= 0 && alpha <= 1) ? ValidationResult.Error($"--alpha must lie in [0, 1], not {alpha}")
        : TopK < 1 ? ValidationResult.Error("--top-k must be at least 1")
        : Nearest is < 0 or > ClassifyRequestRules.MaxNearestFailures
            ? ValidationResult.Error($"--nearest must be 0 to {ClassifyRequestRules.MaxNearestFailures}")
        : !(Timeout > 0) ? ValidationResult.Error("--timeout must be a positive number of seconds")
        : Parallel < 1 ? ValidationResult.Error("--parallel must be at least 1")
        : base.Validate();
}
