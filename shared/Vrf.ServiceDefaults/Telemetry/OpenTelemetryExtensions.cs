using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Vrf.ServiceDefaults;

/// <summary>Traces, metrics and logs through OpenTelemetry, exported over OTLP when an endpoint is configured; the metrics
/// are also scraped by Prometheus at <see cref="MetricsPath"/>.</summary>
public static class OpenTelemetryExtensions
{
    /// <summary>Configuration key of the OTLP endpoint; without it nothing is exported.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Configuration key of the service name; the application name when not set.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>The path Prometheus scrapes the metrics from.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Traces MassTransit (source <c>MassTransit</c>), ASP.NET Core and HttpClient plus the service's own
    /// <paramref name="telemetrySourceNames"/> (each both an <c>ActivitySource</c> and a <c>Meter</c>, for example
    /// <c>Vrf.Scorer</c>); collects MassTransit, ASP.NET Core, HttpClient and runtime metrics, the queue waits
    /// (<see cref="QueueWaits"/>) and the logs. Health
    /// probe requests are not traced.
    /// </summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder,
        params string[] telemetrySourceNames)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var serviceName = builder.Configuration[ServiceNameKey] is { Length: > 0 } configured
            ? configured
            : builder.Environment.ApplicationName;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(InstrumentationOptions.MeterName, QueueWaits.MeterName)
                .AddMeter(telemetrySourceNames)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(telemetrySourceNames)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = IsNotHealthProbe)
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Maps <see cref="MetricsPath"/>: the metrics in Prometheus's text format, names after OpenTelemetry's
    /// (dots become underscores, the unit a suffix); open to every caller, like the health probes, so Prometheus scrapes the
    /// gateway without a key.</summary>
    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    private static bool IsNotHealthProbe(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) &&
        !context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase);
}
