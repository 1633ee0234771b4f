using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Vrf.ServiceDefaults;

/// <summary>Liveness and readiness probes every service exposes.</summary>
public static class HealthCheckExtensions
{
    /// <summary>The liveness probe's path.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness probe's path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Adds a liveness check that passes while the process runs; readiness checks come from the services
    /// (MassTransit adds its bus check, tagged <see cref="HealthCheckTags.Ready"/>).</summary>
    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthCheckTags.Live]);
        return builder;
    }

    /// <summary>Maps <see cref="LivePath"/> (checks tagged <see cref="HealthCheckTags.Live"/>) and
    /// <see cref="ReadyPath"/> (checks tagged <see cref="HealthCheckTags.Ready"/>): 200 when healthy, 503 when not.
    /// Readiness also fails when a check is only degraded: MassTransit's bus check is degraded while some, but not all,
    /// of a service's receive endpoints are down (stopped or faulted), and such a service does not consume what it is
    /// there for.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthCheckTags.Live) });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthCheckTags.Ready),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
