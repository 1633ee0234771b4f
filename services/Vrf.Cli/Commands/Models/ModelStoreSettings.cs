using System.ComponentModel;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Models;

/// <summary>The option every <c>vrf models</c> command shares: which model store to use.</summary>
public class ModelStoreSettings : CommandSettings
{
    [CommandOption("--store <DIR>")]
    [Description("The model store folder (default: $VRF_MODEL_STORE, else ~/.vrf/models).")]
    public string? Store { get; init; }
}
