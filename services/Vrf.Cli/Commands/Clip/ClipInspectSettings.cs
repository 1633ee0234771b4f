using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Clip;

/// <summary>The options of <c>vrf clip inspect</c>.</summary>
public sealed class ClipInspectSettings : DeviceSettings
{
    [CommandOption("-m|--model <DIR>", isRequired: true)]
    [Description("A Hugging Face CLIPModel folder: config.json, model.safetensors, vocab.json, merges.txt, preprocessor_config.json.")]
    public string Model { get; init; } = "";

    [CommandOption("--image <FILE>")]
    [Description("An image to run through preprocessing and the vision tower (repeat for several; kept in order).")]
    public string[] Images { get; init; } = [];

    [CommandOption("--prompt <TEXT>")]
    [Description("A prompt to run through the tokenizer and the text tower (repeat for several; kept in order).")]
    public string[] Prompts { get; init; } = [];

    [CommandOption("--class <NAME>")]
    [Description("A class name of the zero-shot head (repeat for several).")]
    public string[] Classes { get; init; } = [];

    [CommandOption("--template <TEXT>")]
    [Description("A prompt template with {} for the class name (repeat for several). Default: OpenAI's 80 ImageNet templates.")]
    public string[] Templates { get; init; } = [];


    [CommandOption("-o|--out <FILE>")]
    [Description("Write every stage's tensor (shape, dtype, row-major data) to this JSON file, in the layout of the " +
                 "clip-tiny oracle's expected.json. Without it, a summary per tensor is printed.")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (Images.Length == 0 && Prompts.Length == 0 && Classes.Length == 0)
        {
            return ValidationResult.Error("give at least one --image, --prompt or --class");
        }
        if (Templates.Length > 0 && Classes.Length == 0)
        {
            return ValidationResult.Error("--template needs at least one --class");
        }
        return Images.FirstOrDefault(image => !File.Exists(image)) is { } missing
            ? ValidationResult.Error($"no image file {missing}")
            : ValidationResult.Success();
    }
}
