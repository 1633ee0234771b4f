using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Services.Models;

namespace Vrf.Services.Embedding;

/// <summary>Registers the embedding service.</summary>
public static class EmbeddingRegistration
{
    /// <summary>What its consumers need: the served models (loaded on first use, preloaded on promotion), the batchers
    /// and the <c>Embedding</c> and <c>Inference</c> options.</summary>
    public static IServiceCollection AddEmbeddingService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddServedModels(configuration);
        services.Configure<ServedModelsOptions>(models => models.PreloadOnPromotion = true);
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<EncoderBatchers>();
        services.TryAddSingleton<ImageEmbedder>();
        return services;
    }

    /// <summary>The consumer of <c>ClassifyImage</c>, its fault translator and the model lifecycle consumer.</summary>
    public static IBusRegistrationConfigurator AddEmbeddingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ClassifyImageConsumer, ClassifyImageConsumerDefinition>();
        bus.AddConsumer<ClassifyImageFaultConsumer, ClassifyImageFaultConsumerDefinition>();
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
