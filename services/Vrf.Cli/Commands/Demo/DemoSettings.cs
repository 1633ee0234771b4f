using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;

namespace Vrf.Cli.Commands.Demo;

/// <summary>The options of <c>vrf demo</c>. Its services run in this process unless <c>--bus</c> or <c>VRF_BUS</c> names a broker.</summary>
public sealed class DemoSettings : BusSettings
{
    [CommandOption("--quick")]
    [Description("A small run (1,000 training images, one epoch) for a first look and for the test suite.")]
    public bool Quick { get; init; }

    [CommandOption("--full")]
    [Description("A longer run (20,000 training images, three epochs, the whole test set) for the README's table.")]
    public bool Full { get; init; }

    [CommandOption("--fresh")]
    [Description("Start over: write the data again and register and train new versions instead of reusing an earlier run's.")]
    public bool Fresh { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Where the demo keeps its MNIST splits (default: ~/.vrf/demo/<standard|quick|full>).")]
    public string? Data { get; init; }

    [CommandOption("--json <FILE>")]
    [Description("Also write the evaluation table as vrf eval --json writes it, with the phases' wall times.")]
    public string? Json { get; init; }

    internal DemoProfile Profile => Quick ? DemoProfile.Quick : Full ? DemoProfile.Full : DemoProfile.Standard;

    /// <summary>The demo runs its services in this process unless told of a broker.</summary>
    protected override string FallbackAddress => "memory";

    public override ValidationResult Validate() =>
        Quick && Full ? ValidationResult.Error("choose one of --quick and --full")
        : Json is { } json && string.IsNullOrWhiteSpace(json) ? ValidationResult.Error("--json needs a FILE")
        : base.Validate();
}
