using Microsoft.AspNetCore.Builder;
using Vrf.Gateway.Classification;
using Vrf.Gateway.WebConsole;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway;

/// <summary>The gateway as a service a host runs: alone (<c>Vrf.Gateway.Host</c>) or beside the others (<c>vrf serve</c>).</summary>
public static class GatewayService
{
    /// <summary>Its name in <c>vrf serve --services</c>.</summary>
    public const string Name = "gateway";

    /// <summary>The HTTP API (its spans all come from ASP.NET Core and MassTransit; its meter records each result's stage
    /// timings, d and ω) and the web console at <c>/</c>, with
    /// the classification client's and the event stream's consumers on the host's bus; unexpected errors and bare status
    /// codes answer as problem details.</summary>
    public static ServiceModule Module { get; } = new(
        Name,
        TelemetrySource: ClassificationMetrics.MeterName,
        (services, _) => services.AddGatewayApi(),
        bus => bus.AddGatewayConsumers(),
        app =>
        {
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseConsole();
            app.MapGatewayEndpoints();
        });
}
