using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Method;

namespace Vrf.Cli.Commands.Models;

/// <summary>The options of <c>vrf models import</c>.</summary>
public sealed class ModelsImportSettings : BusSettings
{
    [CommandOption("--name <NAME>", isRequired: true)]
    [Description("The model; the import becomes its next version.")]
    public string? Name { get; init; }

    [CommandOption("--zero-shot <DIR>", isRequired: true)]
    [Description("The zero-shot CLIP model: a Hugging Face CLIPModel folder with its tokenizer and preprocessor config.")]
    public string? ZeroShot { get; init; }

    [CommandOption("--fine-tuned <DIR>", isRequired: true)]
    [Description("The fine-tuned CLIP model folder (its image tower is used).")]
    public string? FineTuned { get; init; }

    [CommandOption("--classes <FILE>", isRequired: true)]
    [Description("The class names, one per line, in logit order.")]
    public string? Classes { get; init; }

    [CommandOption("--templates <FILE>")]
    [Description("Prompt templates, one per line with {} for the class name (default: OpenAI's 80 ImageNet templates).")]
    public string? Templates { get; init; }

    [CommandOption("--fine-tuned-head <FILE>")]
    [Description("The fine-tuned head (zero-shot head safetensors format); default: built from the fine-tuned text tower.")]
    public string? FineTunedHead { get; init; }

    [CommandOption("--train <DIR>", isRequired: true)]
    [Description("Training images, one sub-folder per class: the zero-shot failures are selected from them.")]
    public string? Train { get; init; }

    [CommandOption("--val <DIR>")]
    [Description("Held-out validation images, one sub-folder per class, for the temperatures and (a, b) (default: untuned defaults).")]
    public string? Validation { get; init; }

    [CommandOption("--test <DIR>")]
    [Description("In-distribution test images, one sub-folder per class, recorded for vrf eval (never used to index or tune).")]
    public string? Test { get; init; }

    [CommandOption("--k-rule <RULE>")]
    [Description("How K is chosen: paper (floor(0.001·|V|), default), code (round(1000·|V|/N)) or explicit (with -k).")]
    public string? KRule { get; init; }

    [CommandOption("-k <N>")]
    [Description("K for --k-rule explicit (-k alone implies it).")]
    public int? K { get; init; }


    [CommandOption("--timeout <SECONDS>")]
    [Description("Stop waiting for the index after this long (the failure-index service goes on); default: wait until it is done.")]
    public double? Timeout { get; init; }

    /// <summary>The K rule the options ask for.</summary>
    public KRule Rule => KRule?.ToLowerInvariant() switch
    {
        null => K is null ? Method.KRule.Paper : Method.KRule.Explicit,
        "paper" => Method.KRule.Paper,
        "code" => Method.KRule.Code,
        _ => Method.KRule.Explicit,
    };

    public override ValidationResult Validate() =>
        KRule is not null && KRule.ToLowerInvariant() is not ("paper" or "code" or "explicit")
            ? ValidationResult.Error($"--k-rule must be paper, code or explicit, not '{KRule}'")
        : Rule == Method.KRule.Explicit && K is null ? ValidationResult.Error("--k-rule explicit needs -k N")
        : K is not null && Rule != Method.KRule.Explicit ? ValidationResult.Error($"-k is only used with --k-rule explicit, not {KRule}")
        : K < 1 ? ValidationResult.Error("-k must be at least 1")
        : Timeout is { } timeout && !(timeout > 0) ? ValidationResult.Error("--timeout must be a positive number of seconds")
        : base.Validate();
}
