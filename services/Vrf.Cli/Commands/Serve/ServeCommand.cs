using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bus;
using Vrf.Gateway;
using Vrf.ServiceDefaults;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Serve;

/// <summary>
/// <c>vrf serve</c>: runs the chosen services in this process, each exactly as its own host runs it, on one bus, with
/// the health endpoints, until Ctrl+C (or SIGTERM).
/// </summary>
public sealed class ServeCommand(Terminal terminal) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var services = settings.SelectedServices();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(BusClientHost.Overrides(settings.Store, settings.Device));
        builder.WebHost.UseUrls(settings.Urls);
        builder.AddServiceModules(services, settings.BusOptions());

        await using var app = builder.Build();
        app.MapServiceModules(services);
        await app.StartAsync(cancellationToken);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var store = app.Services.GetRequiredService<ModelStore>().Root;
        terminal.Out.MarkupLine(Markup.Escape(
            $"Serving {string.Join(", ", services.Select(service => service.Name))} on {settings.BusOptions()} with the model store {store}; " +
            $"health on {string.Join(", ", addresses.Select(address => $"{address}{HealthCheckExtensions.ReadyPath}"))}. Press Ctrl+C to stop."));
        if (services.Any(service => service.Name == GatewayService.Name))
        {
            terminal.Out.MarkupLine(Markup.Escape($"Web console and API on {string.Join(", ", addresses.Select(address => $"{address}/"))}"));
        }
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
