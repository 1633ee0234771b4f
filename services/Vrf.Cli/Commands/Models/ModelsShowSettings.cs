using System.ComponentModel;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Models;

/// <summary>The arguments of <c>vrf models show</c>.</summary>
public sealed class ModelsShowSettings : ModelStoreSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("NAME for the current version (else the newest), or NAME@VERSION.")]
    public string? Model { get; init; }

    [CommandOption("--json")]
    [Description("Print the version's manifest.json as it is stored.")]
    public bool Json { get; init; }
}
