using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>The options of the commands that act on one job: its id, and the bus and store of every bus command.</summary>
public class JobSettings : BusSettings
{
    [CommandArgument(0, "<JOB>")]
    [Description("The job's id, as vrf retrain printed it or vrf jobs list shows it.")]
    public string? Job { get; init; }


    public Guid JobId => Guid.Parse(Job!);

    public override ValidationResult Validate() =>
        !Guid.TryParse(Job, out _) ? ValidationResult.Error($"'{Job}' is not a job id (a GUID such as 3f2b8c1e-0000-0000-0000-000000000000)")
        : base.Validate();
}
