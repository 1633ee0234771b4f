using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Models;
using Vrf.ServiceDefaults;

namespace Vrf.Cli.Commands.Bus;

/// <summary>The options of every command that talks to the services over the message bus: which bus, which store.</summary>
public class BusSettings : ModelStoreSettings
{
    public const string DefaultAddress = "rabbitmq://guest:guest@localhost:5672/";

    [CommandOption("--bus <ADDRESS>")]
    [Description("'memory' (every service this command needs runs in this process) or a RabbitMQ URI such as " +
                 "rabbitmq://user:password@host:5672/vhost (default: $VRF_BUS, else " + DefaultAddress + ").")]
    public string? Bus { get; init; }

    /// <summary>The address given, else <c>VRF_BUS</c>, else <see cref="FallbackAddress"/>.</summary>
    public string BusAddress =>
        Bus ?? (Environment.GetEnvironmentVariable(MessageBusOptions.AddressKey) is { Length: > 0 } fromEnvironment ? fromEnvironment : FallbackAddress);

    /// <summary>The bus when neither <c>--bus</c> nor <c>VRF_BUS</c> names one: the local broker's.</summary>
    protected virtual string FallbackAddress => DefaultAddress;

    /// <exception cref="FormatException">The address is not understood (checked by <see cref="Validate"/>).</exception>
    public MessageBusOptions BusOptions() => MessageBusOptions.Parse(BusAddress);

    public bool InMemory => BusOptions().Transport == MessageBusTransport.InMemory;

    /// <summary>Where the services this command talks to run, in words: "in this process" or the broker's address.</summary>
    public string ServicesLocation => InMemory ? "in this process" : $"on {BusOptions()}";

    public override ValidationResult Validate()
    {
        try
        {
            BusOptions();
            return ValidationResult.Success();
        }
        catch (FormatException e)
        {
            return ValidationResult.Error(Bus is null ? $"{MessageBusOptions.AddressKey}: {e.Message}" : e.Message);
        }
    }
}
