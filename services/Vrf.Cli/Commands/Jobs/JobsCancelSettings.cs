using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>The options of <c>vrf jobs cancel</c>.</summary>
public sealed class JobsCancelSettings : JobSettings
{
    [CommandOption("--reason <TEXT>")]
    [Description("Why, for the job's record.")]
    public string? Reason { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the job to stop (default 60).")]
    public double Timeout { get; init; } = 60;

    public override ValidationResult Validate() =>
        !(Timeout > 0) ? ValidationResult.Error("--timeout must be a positive number of seconds") : base.Validate();
}
