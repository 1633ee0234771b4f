using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Serving.Hosting;
using Vrf.Serving.Inference;

namespace Vrf.Services.Models;

/// <summary>Registers a worker's <see cref="ServedModels"/> and the consumer that keeps it current; any number of the
/// services in one process share both.</summary>
public static class ServedModelsRegistration
{
    /// <summary>The served models, the model store (<c>ModelStore</c> section), the encoder kinds and the <c>Inference</c> options.</summary>
    public static IServiceCollection AddServedModels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModelStore();
        services.AddEncoderKinds();
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ServedModelsOptions>();
        services.TryAddSingleton<ServedModels>();
        return services;
    }

    /// <summary>The per-instance consumer of <c>ModelPromoted</c> and <c>ModelRetired</c>, once however many services
    /// in the process ask for it.</summary>
    public static IBusRegistrationConfigurator AddModelLifecycleConsumer(this IBusRegistrationConfigurator bus)
    {
        if (!bus.Any(service => service.ServiceType == typeof(ModelLifecycleConsumer)))
        {
            bus.AddConsumer<ModelLifecycleConsumer, ModelLifecycleConsumerDefinition>();
        }
        return bus;
    }
}
