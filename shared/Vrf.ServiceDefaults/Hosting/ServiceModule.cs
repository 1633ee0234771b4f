using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Vrf.ServiceDefaults;

/// <summary>
/// A service that a host can run, alone (its host project, through <see cref="ServiceHost"/>) or with others in one
/// process (<c>vrf serve</c>, the CLI's embedded mode): its dependencies, its consumers on the shared bus, its HTTP
/// endpoints if it has any, and the activity source its own spans come from. Each service library defines its own.
/// </summary>
/// <param name="Name">The name <c>vrf serve --services</c> takes, for example <c>scorer</c>.</param>
/// <param name="TelemetrySource">Its <c>ActivitySource</c> (and meter) name, for example <c>Vrf.Scorer</c>; null when its
/// spans all come from the shared instrumentation (ASP.NET Core, MassTransit).</param>
/// <param name="AddServices">Registers what its consumers need, with options bound from the configuration.</param>
/// <param name="AddConsumers">Adds its consumers to the bus registration.</param>
/// <param name="MapEndpoints">Maps its HTTP endpoints, for a service that has them.</param>
public sealed record ServiceModule(
    string Name,
    string? TelemetrySource,
    Action<IServiceCollection, IConfiguration> AddServices,
    Action<IBusRegistrationConfigurator> AddConsumers,
    Action<WebApplication>? MapEndpoints = null);
