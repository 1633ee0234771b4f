using System.ComponentModel;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Models;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>The options of <c>vrf jobs list</c>.</summary>
public sealed class JobsListSettings : ModelStoreSettings
{
    [CommandOption("--json")]
    [Description("Print the job records as a JSON array instead of a table.")]
    public bool Json { get; init; }
}
