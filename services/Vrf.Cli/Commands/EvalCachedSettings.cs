using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands;

/// <summary>The options of <c>vrf eval-cached</c>.</summary>
public sealed class EvalCachedSettings : CommandSettings
{
    [CommandOption("-i|--inputs <FILE>", isRequired: true)]
    [Description("Cached features, logits and labels of the train, val and test splits, with the method's parameters: " +
                 "a JSON file in the inputs.json schema (vrf-fixture-inputs/1).")]
    public string? Inputs { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Write every result (failure set, K, temperatures and their search, distances, weights, probabilities, " +
                 "predictions, accuracies and validation grids) to this JSON file, in the expected.json schema, " +
                 "instead of printing the accuracy table.")]
    public string? Out { get; init; }

    /// <summary>
    /// Spectre.Console.Cli 0.57 gives an option that ends the command line without its value the name of its internal
    /// default command instead of failing; both that and an empty value are reported as a missing FILE.
    /// </summary>
    private const string SpectreMissingValue = "__default_command";

    public override ValidationResult Validate() =>
        IsMissing(Inputs) ? ValidationResult.Error("--inputs needs a FILE")
        : IsMissing(Out) ? ValidationResult.Error("--out needs a FILE")
        : ValidationResult.Success();

    private static bool IsMissing(string? value) => value is not null && (string.IsNullOrWhiteSpace(value) || value == SpectreMissingValue);
}
