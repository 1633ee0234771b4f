using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.ServiceDefaults;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bus;

/// <summary>
/// The host a bus command runs its consumers in: the command's own (results, progress), and with <c>--bus memory</c>
/// the services it needs, registered as their hosts register them. Configuration comes from environment variables
/// (<c>Embedding__MaxBatchSize</c>, <c>FailureIndex__Kind</c>, ...) with the command line on top; logs are errors on standard
/// error, so standard output stays the command's (MassTransit's own, such as the fault of each bad image, are left
/// out: the command reports them itself).
/// </summary>
internal static class BusClientHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <param name="embedded">The services to run in this process when the bus is in memory.</param>
    public static IHost Build(BusSettings settings, IReadOnlyList<ServiceModule> embedded, Action<IBusRegistrationConfigurator> consumers,
        string? device = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "vrf",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(Overrides(settings.Store, device));
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error)
            .AddFilter("MassTransit", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<MassTransitHostOptions>(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = StartTimeout;
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddServiceModules(builder.Configuration, settings.InMemory ? embedded : [], settings.BusOptions(), consumers);
        return builder.Build();
    }

    /// <summary>Starts the host, waiting for the bus.</summary>
    /// <exception cref="BusUnreachableException">The bus did not start: the broker refused the login or the virtual host,
    /// or did not answer in time (<see cref="BusStartFailure"/>).</exception>
    public static async Task StartOrExplainAsync(this IHost host, BusSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            // MassTransit's start waits for the broker until its own timeout, whatever the token says: a broker that
            // takes the connection and never answers would hold Ctrl+C off for that long.
            await host.StartAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or MassTransitException && !cancellationToken.IsCancellationRequested)
        {
            throw new BusUnreachableException(BusStartFailure.Describe(e, settings.BusOptions().ToString(), StartTimeout), e);
        }
    }

    /// <summary>The command line's settings as configuration keys.</summary>
    public static Dictionary<string, string?> Overrides(string? store, string? device)
    {
        var overrides = new Dictionary<string, string?>();
        if (store is not null)
        {
            overrides[$"{ModelStoreOptions.Section}:{nameof(ModelStoreOptions.Root)}"] = store;
        }
        if (device is not null)
        {
            overrides[$"{InferenceOptions.Section}:{nameof(InferenceOptions.Device)}"] = device;
        }
        return overrides;
    }
}
