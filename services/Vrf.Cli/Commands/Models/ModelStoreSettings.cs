using System.ComponentModel;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Models;

/// <summary>The option every command that reads the model store shares: which store to use.</summary>
public class ModelStoreSettings : DeviceSettings
{
    [CommandOption("--store <DIR>")]
    [Description("The model store folder (default: $VRF_MODEL_STORE, else ~/.vrf/models).")]
    public string? Store { get; init; }
}
