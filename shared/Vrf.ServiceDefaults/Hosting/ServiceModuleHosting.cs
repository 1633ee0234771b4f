using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Vrf.ServiceDefaults;

/// <summary>
/// Runs any set of <see cref="ServiceModule"/>s in one process, on one bus: the one registration path of every host
/// project, <c>vrf serve</c> and the CLI's embedded mode.
/// </summary>
public static class ServiceModuleHosting
{
    /// <summary>
    /// Registers the service defaults (telemetry with the services' own sources, health checks), the services and one
    /// bus with all their consumers: the bus <paramref name="bus"/> describes; when it is null the one
    /// <see cref="MessageBusOptions.AddressKey"/> (<c>VRF_BUS</c>) names, and without it the one the <c>Bus</c>
    /// section describes.
    /// </summary>
    /// <param name="moreConsumers">Further consumers on the same bus, for example a classification client's.</param>
    /// <exception cref="FormatException"><c>VRF_BUS</c> is not a bus address.</exception>
    public static IHostApplicationBuilder AddServiceModules(this IHostApplicationBuilder builder, IReadOnlyList<ServiceModule> modules,
        MessageBusOptions? bus = null, Action<IBusRegistrationConfigurator>? moreConsumers = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        builder.AddServiceDefaults([.. modules.Select(module => module.TelemetrySource).OfType<string>()]);
        builder.Services.AddServiceModules(builder.Configuration, modules, bus ?? NamedBus(builder.Configuration), moreConsumers);
        return builder;
    }

    /// <summary>
    /// Registers the services and one bus with all their consumers, without the service defaults (for a process that is
    /// not a service, such as the CLI): the bus that <paramref name="bus"/> describes, or when it is null the one the
    /// configuration's <c>Bus</c> section describes.
    /// </summary>
    /// <param name="moreConsumers">Further consumers on the same bus, for example a classification client's.</param>
    public static IServiceCollection AddServiceModules(this IServiceCollection services, IConfiguration configuration,
        IEnumerable<ServiceModule> modules, MessageBusOptions? bus = null, Action<IBusRegistrationConfigurator>? moreConsumers = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var selected = modules.ToList();
        foreach (var module in selected)
        {
            module.AddServices(services, configuration);
        }
        void AddConsumers(IBusRegistrationConfigurator registration)
        {
            selected.ForEach(module => module.AddConsumers(registration));
            moreConsumers?.Invoke(registration);
        }
        return bus is null
            ? services.AddVrfMessageBus(configuration, AddConsumers)
            : services.AddVrfMessageBus(bus, AddConsumers);
    }

    /// <summary>Maps the health endpoints, the metrics endpoint and the HTTP endpoints of the services that have them.</summary>
    public static WebApplication MapServiceModules(this WebApplication app, IEnumerable<ServiceModule> modules)
    {
        app.MapDefaultEndpoints();
        app.MapMetricsEndpoint();
        foreach (var module in modules)
        {
            module.MapEndpoints?.Invoke(app);
        }
        return app;
    }

    /// <summary>The bus <c>VRF_BUS</c> names; null when it is not set.</summary>
    private static MessageBusOptions? NamedBus(IConfiguration configuration) =>
        configuration[MessageBusOptions.AddressKey] is { } address && !string.IsNullOrWhiteSpace(address)
            ? MessageBusOptions.Parse(address)
            : null;
}
