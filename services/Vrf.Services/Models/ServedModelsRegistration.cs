using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.ServiceDefaults;
using Vrf.Serving.Hosting;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;

namespace Vrf.Services.Models;

/// <summary>Registers a worker's <see cref="ServedModels"/> and the consumer that keeps it current; any number of the
/// services in one process share both.</summary>
public static class ServedModelsRegistration
{
    /// <summary>The served models and their validation distributions, the model store (<c>ModelStore</c> section), the
    /// encoder kinds and the <c>Inference</c> and <c>Retirement</c> options.</summary>
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
        services.AddOptions<RetirementOptions>()
            .Bind(configuration.GetSection(RetirementOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ServedModels>();
        services.TryAddSingleton<ValidationDistributions>();
        services.AddVersionResources<ValidationDistributions>();
        return services;
    }

    /// <summary>Has <see cref="ServedModels"/> free what the container's <typeparamref name="T"/> holds for a retired
    /// version when its grace ends; once, however many services in the process ask.</summary>
    public static IServiceCollection AddVersionResources<T>(this IServiceCollection services)
        where T : class, IVersionResources
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IVersionResources, ReleasedWith<T>>());
        return services;
    }

    /// <summary>
    /// The consumer of <c>ModelPromoted</c> and <c>ModelRetired</c>, once however many services in the process ask for
    /// it. Every worker process must see every promotion and retirement, so each gets a queue of its own instead of
    /// competing for the events on a shared one; one event at a time, in order.
    /// </summary>
    public static IBusRegistrationConfigurator AddModelLifecycleConsumer(this IBusRegistrationConfigurator bus)
    {
        if (!bus.Any(service => service.ServiceType == typeof(ModelLifecycleConsumer)))
        {
            bus.AddConsumer<ModelLifecycleConsumer>().Endpoint(endpoint =>
            {
                endpoint.OnInstanceQueue();
                endpoint.ConcurrentMessageLimit = 1;
            });
        }
        return bus;
    }

    /// <summary>The container's own <typeparamref name="T"/>, as one of the <see cref="IVersionResources"/>.</summary>
    private sealed class ReleasedWith<T>(T held) : IVersionResources
        where T : class, IVersionResources
    {
        public void Release(ModelVersionId version) => held.Release(version);
    }
}
