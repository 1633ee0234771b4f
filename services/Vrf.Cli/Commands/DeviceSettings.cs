using System.ComponentModel;
using Spectre.Console.Cli;
using Vrf.Serving.Inference;

namespace Vrf.Cli.Commands;

/// <summary>The option of every command that runs models, and of those that share its settings: where they run.</summary>
public class DeviceSettings : CommandSettings
{
    /// <summary>The environment variable that configures the services' device.</summary>
    private const string ConfiguredDevice = $"{InferenceOptions.Section}__{nameof(InferenceOptions.Device)}";

    [CommandOption("--device <DEVICE>")]
    [Description("cpu, cuda or cuda:N: where the command runs its models, the services' with --bus memory included " +
                 "(default: $Inference__Device, else cpu).")]
    public string? Device { get; init; }

    /// <summary>The device named, else <c>Inference__Device</c>, else the CPU: for a command that runs models without the
    /// services' configuration.</summary>
    public string DeviceOrDefault =>
        Device ?? (Environment.GetEnvironmentVariable(ConfiguredDevice) is { Length: > 0 } configured ? configured : new InferenceOptions().Device);
}
