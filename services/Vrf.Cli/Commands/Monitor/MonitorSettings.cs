using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Monitor;

/// <summary>The options of <c>vrf monitor</c>.</summary>
public sealed class MonitorSettings : BusSettings
{
    [CommandOption("-m|--model <MODEL>")]
    [Description("NAME for the model's current version, or NAME@VERSION (default: every model's current version, and every " +
                 "other version with results in its window).")]
    public string? Model { get; init; }

    [CommandOption("--json")]
    [Description("Print the windows once as JSON and exit: with --model one object, otherwise one object per line.")]
    public bool Json { get; init; }

    [CommandOption("--interval <SECONDS>")]
    [Description("How often the live view asks the monitor again.")]
    [DefaultValue(1.0)]
    public double Interval { get; init; } = 1;

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the monitor's answer.")]
    [DefaultValue(10.0)]
    public double Timeout { get; init; } = 10;

    /// <exception cref="InvalidModelNameException">Not NAME or NAME@VERSION (checked by <see cref="Validate"/>).</exception>
    public ModelReference? ModelReference() => Model is null ? null : Serving.Store.ModelReference.Parse(Model);

    public override ValidationResult Validate()
    {
        if (!(Interval >= 0.1 && Interval <= 3600))
        {
            return ValidationResult.Error("--interval must be from 0.1 to 3600 seconds");
        }
        if (!(Timeout >= 0.1 && Timeout <= 3600))
        {
            return ValidationResult.Error("--timeout must be from 0.1 to 3600 seconds");
        }
        try
        {
            ModelReference();
        }
        catch (InvalidModelNameException e)
        {
            return ValidationResult.Error($"--model {e.Message}");
        }
        var bus = base.Validate();
        return bus.Successful && InMemory
            ? ValidationResult.Error("vrf monitor reads the windows of a running monitor service, and an in-memory bus has none: give " +
                                     "the bus that vrf serve (or the monitor's host) runs on")
            : bus;
    }
}
