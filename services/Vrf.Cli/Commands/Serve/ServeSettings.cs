using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.ServiceDefaults;

namespace Vrf.Cli.Commands.Serve;

/// <summary>The options of <c>vrf serve</c>.</summary>
public sealed class ServeSettings : BusSettings
{
    [CommandOption("--services <NAMES>")]
    [Description("The services to run, comma-separated: embedding, failure-index, scorer, monitor, fine-tuning, gateway (default: all of them).")]
    public string? Services { get; init; }

    [CommandOption("--urls <URLS>")]
    [Description("Where to answer HTTP (the gateway's /v1 API when it runs, /health/live and /health/ready), e.g. http://0.0.0.0:8080 (default: a free port on 127.0.0.1). Off loopback the gateway needs Gateway:ApiKeys or Gateway:Jwt:Authority.")]
    [DefaultValue("http://127.0.0.1:0")]
    public string Urls { get; init; } = "http://127.0.0.1:0";


    /// <exception cref="FormatException">A name is not a service (checked by <see cref="Validate"/>).</exception>
    public IReadOnlyList<ServiceModule> SelectedServices() => Services is null ? ServableServices.All : ServableServices.Select(Services);

    public override ValidationResult Validate()
    {
        try
        {
            SelectedServices();
        }
        catch (FormatException e)
        {
            return ValidationResult.Error($"--services {e.Message}");
        }
        return base.Validate();
    }
}
