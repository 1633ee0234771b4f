using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Models;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Eval;

/// <summary>The options of <c>vrf eval</c>.</summary>
public sealed class EvalSettings : ModelStoreSettings
{
    public const string AllMethods = "zs,ft,ose,wse,vrf";

    [CommandOption("-m|--model <MODEL>", isRequired: true)]
    [Description("A ready version: NAME for the current one, or NAME@VERSION.")]
    public string? Model { get; init; }

    [CommandOption("--id <DIR>")]
    [Description("The in-distribution test images, one sub-folder per class (default: the test split recorded at import, --test).")]
    public string? Id { get; init; }

    [CommandOption("--ood <NAME=DIR>")]
    [Description("A shifted test split and its column name, e.g. --ood sketch=data/sketch; repeat for each.")]
    public string[] Ood { get; init; } = [];

    [CommandOption("--methods <LIST>")]
    [Description("Comma-separated methods to score: zs (zero-shot), ft (fine-tuned), ose (output-space ensemble), wse " +
                 "(weight-space ensemble), vrf.")]
    [DefaultValue(AllMethods)]
    public string Methods { get; init; } = AllMethods;

    [CommandOption("--json <FILE>")]
    [Description("Also write the accuracies (in [[0, 1]]) and the parameters to this JSON file.")]
    public string? Json { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per encoder batch (default: $Inference__BatchSize, else 32).")]
    public int? BatchSize { get; init; }


    /// <summary>The OOD splits as given, in order (checked by <see cref="Validate"/>).</summary>
    public IReadOnlyList<EvaluationSplit> OutOfDistribution() =>
        [.. Ood.Select(entry => entry.Split('=', 2)).Select(parts => new EvaluationSplit(parts[0].Trim(), parts[1]))];

    /// <summary>The methods named by <see cref="Methods"/> (checked by <see cref="Validate"/>).</summary>
    public IReadOnlyList<EvaluationMethod> MethodList() => EvaluationMethods.Parse(Methods);

    public override ValidationResult Validate()
    {
        if (Ood.FirstOrDefault(entry => entry.Split('=', 2) is not [{ } name, { } folder] || name.Trim().Length == 0 || folder.Length == 0) is { } bad)
        {
            return ValidationResult.Error($"--ood needs NAME=DIR (a column name, '=', an image folder), not '{bad}'");
        }
        try
        {
            MethodList();
        }
        catch (FormatException e)
        {
            return ValidationResult.Error($"--methods: {e.Message}");
        }
        return BatchSize < 1 ? ValidationResult.Error("--batch-size must be at least 1")
            : Json is { } json && string.IsNullOrWhiteSpace(json) ? ValidationResult.Error("--json needs a FILE")
            : ValidationResult.Success();
    }
}
