using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

/// <summary>
/// Generic hosts the way a worker service builds one, except that the machine's environment variables and settings
/// files stay out (a <c>Bus__Host</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set for a real service must not steer a
/// test), and only warnings are logged.
/// </summary>
public static class TestHosts
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Messaging.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(30);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddSingleton<ConsumeAttempts>();
        builder.Services.AddSingleton<ReceivedMessages<ClassifyImage>>();
        builder.Services.AddSingleton<ReceivedMessages<Fault<ClassifyImage>>>();
        return builder;
    }
}
