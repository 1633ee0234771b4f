using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Support;

/// <summary>Generic hosts the way a worker service builds one, quiet enough for test output.</summary>
public static class TestHosts
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Vrf.Messaging.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
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
