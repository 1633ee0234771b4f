using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Clip;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Method;

namespace Vrf.Cli.Commands.Models;

/// <summary>The options of <c>vrf models import</c>.</summary>
public sealed class ModelsImportSettings : BusSettings
{
    [CommandOption("--name <NAME>", isRequired: true)]
    [Description("The model; the import becomes its next version.")]
    public string? Name { get; init; }

    [CommandOption("--encoder <KIND>")]
    [Description("The kind of both encoders: clip (Hugging Face CLIPModel folders) or resnet18-imagenet (ML.NET's ImageNet ResNet-18).")]
    [DefaultValue(ClipEncoderKind.KindName)]
    public string Encoder { get; init; } = ClipEncoderKind.KindName;

    [CommandOption("--zero-shot <DIR>")]
    [Description("The zero-shot model folder (for clip, a Hugging Face CLIPModel folder with its tokenizer and preprocessor " +
                 "config). Leave out with --fine-tuned to start both from the kind's pretrained weights (resnet18-imagenet).")]
    public string? ZeroShot { get; init; }

    [CommandOption("--fine-tuned <DIR>")]
    [Description("The fine-tuned model folder, of the same kind (its image tower is used).")]
    public string? FineTuned { get; init; }

    [CommandOption("--image-size <PIXELS>")]
    [Description("Without model folders: the side of the images the pretrained encoder takes (resnet18-imagenet: a multiple of 32; default 224).")]
    public int? ImageSize { get; init; }

    [CommandOption("--preprocessing <NAME>")]
    [Description("Without model folders: a preprocessing the version records and applies to every image first " +
                 "(resnet18-imagenet: digits = grey, MNIST framing, resize).")]
    public string? Preprocessing { get; init; }

    [CommandOption("--zero-shot-head <BUILDER>")]
    [Description("How the zero-shot head is built from the class names: prompts (a text tower over prompt templates) or " +
                 "glyphs (the names rendered in many fonts and encoded as images).")]
    [DefaultValue(PromptHeadBuilder.BuilderName)]
    public string ZeroShotHead { get; init; } = PromptHeadBuilder.BuilderName;

    [CommandOption("--classes <FILE>", isRequired: true)]
    [Description("The class names, one per line, in logit order.")]
    public string? Classes { get; init; }

    [CommandOption("--templates <FILE>")]
    [Description("The zero-shot head's recipe: prompt templates, one per line with {} for the class name (default: OpenAI's 80 " +
                 "ImageNet templates), or for glyphs a bundle's templates.txt (default: 42 fonts x 3 strokes x 5 angles).")]
    public string? Templates { get; init; }

    [CommandOption("--fine-tuned-head <FILE>")]
    [Description("The fine-tuned head (zero-shot head safetensors format); default: built like the zero-shot head, with the fine-tuned encoder.")]
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

    /// <summary>How the kind writes its pretrained encoder: only without model folders, when asked.</summary>
    public PretrainedEncoderOptions? Pretrained => ImageSize is null && Preprocessing is null ? null : new PretrainedEncoderOptions(ImageSize, Preprocessing);

    public override ValidationResult Validate() =>
        (ZeroShot is null) != (FineTuned is null) ? ValidationResult.Error("give both --zero-shot and --fine-tuned, or neither to start from the encoder kind's pretrained weights")
        : ZeroShot is not null && Pretrained is not null ? ValidationResult.Error("--image-size and --preprocessing apply only without --zero-shot and --fine-tuned")
        : ImageSize < 1 ? ValidationResult.Error("--image-size must be a positive number of pixels")
        : KRule is not null && KRule.ToLowerInvariant() is not ("paper" or "code" or "explicit")
            ? ValidationResult.Error($"--k-rule must be paper, code or explicit, not '{KRule}'")
        : Rule == Method.KRule.Explicit && K is null ? ValidationResult.Error("--k-rule explicit needs -k N")
        : K is not null && Rule != Method.KRule.Explicit ? ValidationResult.Error($"-k is only used with --k-rule explicit, not {KRule}")
        : K < 1 ? ValidationResult.Error("-k must be at least 1")
        : Timeout is { } timeout && !(timeout > 0) ? ValidationResult.Error("--timeout must be a positive number of seconds")
        : base.Validate();
}
