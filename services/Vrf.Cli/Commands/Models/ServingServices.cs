using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Hosting;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Models;

/// <summary>
/// The serving core as the CLI runs it: the services' own registration, configured from environment variables
/// (<c>FailureIndex__Kind</c>, <c>QDRANT_URL</c>, <c>VRF_MODEL_STORE</c>, ...) with the command line on top.
/// </summary>
internal static class ServingServices
{
    public static ServiceProvider Create(string? store, string? device = null)
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
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddModelServing(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
