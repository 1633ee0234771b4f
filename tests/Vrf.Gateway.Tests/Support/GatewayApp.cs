using System.Globalization;
using System.Net;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// The gateway's real host (its Program.cs, registration and endpoints) in memory, on a <see cref="TestModelStore"/>,
/// with MassTransit's test harness swapping the bus for the in-memory transport and adding <see cref="CannedPipeline"/>
/// as the only consumer of <c>ClassifyImage</c> and <see cref="CannedMonitor"/> on the monitor's queue. Settings come from the test alone, never from the machine's
/// <c>Bus__</c>, <c>Gateway__</c> or <c>VRF_MODEL_STORE</c> variables. Anonymous use is allowed explicitly: these tests
/// are about what the endpoints do; <see cref="SecuredGatewayApp"/> is the gateway with keys.
/// </summary>
public class GatewayApp : WebApplicationFactory<Program>
{
    /// <summary>The image limit the tests run with (Gateway:MaxImageBytes), small so oversized uploads stay cheap.</summary>
    public const int MaxImageBytes = 256 * 1024;

    private readonly double _timeoutSeconds;

    public GatewayApp()
        : this(timeoutSeconds: 30, emptyStore: false)
    {
    }

    /// <param name="timeoutSeconds">How long the gateway waits for a result and for the monitor's answer.</param>
    protected GatewayApp(double timeoutSeconds, bool emptyStore)
    {
        _timeoutSeconds = timeoutSeconds;
        Models = new TestModelStore(emptyStore);
    }

    public TestModelStore Models { get; }

    public ReceivedRequests Received => Services.GetRequiredService<ReceivedRequests>();

    /// <summary>How many classify requests the gateway has published so far.</summary>
    public int PublishedRequests => Services.GetRequiredService<ITestHarness>().Published.Select<Contracts.ClassifyImage>().Count();

    /// <summary>How many retrain requests the gateway has published so far.</summary>
    public int PublishedRetrains => Services.GetRequiredService<ITestHarness>().Published.Select<Contracts.RetrainModel>().Count();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting($"{MessageBusOptions.SectionName}:{nameof(MessageBusOptions.Transport)}", nameof(MessageBusTransport.InMemory));
        builder.UseSetting("ModelStore:Root", Models.Root);
        builder.UseSetting("Gateway:ClassifyTimeoutSeconds", _timeoutSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:MaxImageBytes", MaxImageBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Gateway:DriftTimeoutSeconds", _timeoutSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting(OpenTelemetryExtensions.OtlpEndpointKey, "");
        builder.UseSetting("Gateway:AllowAnonymous", "true");
        // Budgets no endpoint test reaches (one sends hundreds of generated requests); RateLimitedGatewayApp sets small ones.
        builder.UseSetting("Gateway:RateLimits:Classify:PermitLimit", "1000000");
        builder.UseSetting("Gateway:RateLimits:Operate:PermitLimit", "1000000");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ReceivedRequests>();
            services.AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<CannedPipeline>();
                bus.AddConsumer<CannedMonitor>().Endpoint(endpoint => endpoint.Name = Client.DriftClient.MonitorQueue);
                bus.UsingInMemory((context, configurator) =>
                {
                    configurator.UseVrfMessagePolicy(context);
                    configurator.ConfigureEndpoints(context);
                });
            });
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Models.Dispose();
        }
    }
}

/// <summary>A gateway that waits one second for a result and for the monitor's answer.</summary>
public sealed class ImpatientGatewayApp() : GatewayApp(timeoutSeconds: 1, emptyStore: false);

/// <summary>A gateway served by Kestrel on a free port of 127.0.0.1, so requests cross a real HTTP connection.</summary>
public sealed class KestrelGatewayApp : GatewayApp
{
    public KestrelGatewayApp()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
    }
}

/// <summary>A gateway on a store that holds no model.</summary>
public sealed class EmptyStoreGatewayApp() : GatewayApp(timeoutSeconds: 30, emptyStore: true);
