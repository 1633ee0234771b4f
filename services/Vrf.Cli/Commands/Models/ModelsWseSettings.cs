using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;

namespace Vrf.Cli.Commands.Models;

/// <summary>The options of <c>vrf models wse</c>.</summary>
public sealed class ModelsWseSettings : BusSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("The version to interpolate: NAME for the current one (else the newest), or NAME@VERSION.")]
    public string? Model { get; init; }

    [CommandOption("--alpha <A>")]
    [Description("The fine-tuned weights' share in [[0, 1]] (default: the best of 0, 0.1, …, 1 on the version's validation images).")]
    public double? Alpha { get; init; }


    [CommandOption("--timeout <SECONDS>")]
    [Description("Stop waiting for the index after this long (the failure-index service goes on); default: wait until it is done.")]
    public double? Timeout { get; init; }

    public override ValidationResult Validate() =>
        Alpha is { } alpha && !(alpha >= 0 && alpha <= 1) ? ValidationResult.Error($"--alpha must lie in [0, 1], not {alpha}")
        : Timeout is { } timeout && !(timeout > 0) ? ValidationResult.Error("--timeout must be a positive number of seconds")
        : base.Validate();
}
