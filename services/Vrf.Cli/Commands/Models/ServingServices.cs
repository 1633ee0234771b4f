using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Cli.Commands.Bus;
using Vrf.Serving.Hosting;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// The serving core as the CLI runs it: the services' own registration, configured from environment variables
/// (<c>FailureIndex__Kind</c>, <c>QDRANT_URL</c>, <c>VRF_MODEL_STORE</c>, ...) with the command line on top.
/// </summary>
internal static class ServingServices
{
    public static ServiceProvider Create(string? store, string? device = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(BusClientHost.Overrides(store, device))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddModelServing(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
