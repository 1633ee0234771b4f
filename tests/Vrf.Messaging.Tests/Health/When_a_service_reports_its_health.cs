using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.Health;

public sealed class When_a_service_reports_its_health
{
    [Fact]
    public async Task Should_answer_live_and_ready_once_its_bus_has_started()
    {
        await using var app = await StartedWebService(MessageBusOptions.Parse("memory"), waitForBus: true);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthCheckExtensions.LivePath, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthCheckExtensions.ReadyPath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Should_stay_live_but_not_ready_while_its_broker_is_unreachable()
    {
        var unreachable = MessageBusOptions.Parse("rabbitmq://guest:guest@127.0.0.1:1/");
        await using var app = await StartedWebService(unreachable, waitForBus: false);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthCheckExtensions.LivePath, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable,
            (await client.GetAsync(HealthCheckExtensions.ReadyPath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Should_include_the_bus_in_the_readiness_checks_of_a_worker_without_a_web_server()
    {
        var builder = TestHosts.CreateBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddVrfMessageBus(MessageBusOptions.Parse("memory"));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var readiness = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(check => check.Tags.Contains(HealthCheckTags.Ready), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, readiness.Status);
        Assert.Contains(readiness.Entries, entry => entry.Value.Tags.Contains("masstransit"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<WebApplication> StartedWebService(MessageBusOptions bus, bool waitForBus)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = waitForBus);
        builder.AddServiceDefaults();
        builder.Services.AddVrfMessageBus(bus);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
