using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
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
        services.AddMetrics();
        services.TryAddSingleton<EncoderBatchers>();
        services.AddVersionResources<EncoderBatchers>();
        services.TryAddSingleton<DecodingBudget>();
        services.TryAddSingleton<ImageEmbedder>();
        return services;
    }

    /// <summary>
    /// The consumer of <c>ClassifyImage</c> on the <c>embedding</c> queue, shared by every replica: enough messages are
    /// processed at once for a batch to fill (<see cref="EmbeddingOptions.EffectiveConcurrentMessageLimit"/>), and as many
    /// are prefetched, so the broker hands over the next images while a batch runs. Then its faults, reported from
    /// <c>embedding-faults</c>, and the model lifecycle consumer.
    /// </summary>
    public static IBusRegistrationConfigurator AddEmbeddingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddPipelineStage<ClassifyImageConsumer, ClassifyImage>(ServiceNames.Embedding, request => (request.RequestId, request.ModelName, request.ReplyAddress),
            context => context.GetRequiredService<IOptions<EmbeddingOptions>>().Value.EffectiveConcurrentMessageLimit);
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
