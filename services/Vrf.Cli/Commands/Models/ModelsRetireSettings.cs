using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;

namespace Vrf.Cli.Commands.Models;

/// <summary>The arguments of <c>vrf models retire</c>.</summary>
public sealed class ModelsRetireSettings : BusSettings
{
    [CommandArgument(0, "<NAME@VERSION>")]
    [Description("The version to stop serving; the version is required, so that no one retires the current one by accident.")]
    public string? Model { get; init; }

    public override ValidationResult Validate() =>
        Model is null || !Model.Contains('@', StringComparison.Ordinal)
            ? ValidationResult.Error($"name the version to retire as NAME@VERSION, not '{Model}'")
            : base.Validate();
}
