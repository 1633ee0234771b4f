using Microsoft.Extensions.Hosting;

namespace Vrf.ServiceDefaults;

/// <summary>What every service's <c>Program.cs</c> starts with.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds OpenTelemetry (see <see cref="OpenTelemetryExtensions.ConfigureOpenTelemetry"/>) and the liveness check;
    /// a web application then calls <see cref="HealthCheckExtensions.MapDefaultEndpoints"/>.
    /// </summary>
    /// <param name="builder">A web application's or a worker's host builder.</param>
    /// <param name="telemetrySourceNames">The service's own activity sources and meters, for example <c>Vrf.Scorer</c>.</param>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder,
        params string[] telemetrySourceNames)
    {
        builder.ConfigureOpenTelemetry(telemetrySourceNames);
        builder.AddDefaultHealthChecks();
        return builder;
    }
}
