using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Hosting;

/// <summary>Runs any set of <see cref="ServiceModule"/>s in one process, on one bus.</summary>
public static class ServiceModuleHosting
{
    /// <summary>
    /// Registers the services and one bus with all their consumers: the bus that <paramref name="bus"/> describes, or
    /// when it is null the one the configuration's <c>Bus</c> section describes.
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

    /// <summary>The configuration key that names the whole bus in one value, as the CLI's <c>--bus</c> does.</summary>
    public const string BusAddressKey = "VRF_BUS";

    /// <summary>
    /// Registers the services and their bus on a host's builder: the bus <c>VRF_BUS</c> names (<c>memory</c> or a
    /// RabbitMQ URI) when it is set, otherwise the one the <c>Bus</c> section describes.
    /// </summary>
    /// <exception cref="FormatException"><c>VRF_BUS</c> is not a bus address.</exception>
    public static IHostApplicationBuilder AddServiceModules(this IHostApplicationBuilder builder, params ServiceModule[] modules)
    {
        var address = builder.Configuration[BusAddressKey];
        var bus = string.IsNullOrWhiteSpace(address) ? null : MessageBusOptions.Parse(address);
        builder.Services.AddServiceModules(builder.Configuration, modules, bus);
        return builder;
    }

    /// <summary>Maps the HTTP endpoints of the services that have them.</summary>
    public static WebApplication MapServiceModules(this WebApplication app, IEnumerable<ServiceModule> modules)
    {
        foreach (var module in modules)
        {
            module.MapEndpoints?.Invoke(app);
        }
        return app;
    }
}
