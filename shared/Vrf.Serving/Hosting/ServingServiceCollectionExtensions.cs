using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Vrf.Clip;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Failures;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Serving.WeightSpace;

namespace Vrf.Serving.Hosting;

/// <summary>Registers the serving core with options bound from configuration.</summary>
public static class ServingServiceCollectionExtensions
{
    /// <summary>
    /// The model store (<c>ModelStore</c> section) and the encoder kinds that read its bundles, the failure index
    /// (<c>FailureIndex</c>), the inference options (<c>Inference</c>), the importer, the index builder, the
    /// weight-space ensemble builder and the evaluator.
    /// </summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelStore();
        services.AddEncoderKinds();
        services.AddFailureIndex(configuration);
        services.AddOptions<InferenceOptions>().BindConfiguration(InferenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DatasetEmbedder>();
        services.TryAddSingleton<ModelImporter>();
        services.TryAddSingleton<FailureIndexBuilder>();
        services.TryAddSingleton<WeightSpaceEnsembleBuilder>();
        services.TryAddSingleton<EvaluationCache>();
        services.TryAddSingleton<EvaluationRecords>();
        services.TryAddSingleton<ModelEvaluator>();
        return services;
    }

    /// <summary>The model store, its folder from <c>ModelStore:Root</c>, <c>VRF_MODEL_STORE</c> or <c>~/.vrf/models</c>,
    /// and the writer of its bundles.</summary>
    public static IServiceCollection AddModelStore(this IServiceCollection services)
    {
        services.AddOptions<ModelStoreOptions>().BindConfiguration(ModelStoreOptions.Section);
        services.TryAddSingleton<ModelStore>();
        services.TryAddSingleton<BundleWriter>();
        return services;
    }

    /// <summary>The encoder kinds a bundle can name (<c>clip</c>) and the zero-shot head builders an import can use
    /// (<c>prompts</c>). A new kind is one <see cref="IEncoderKind"/> registered here.</summary>
    public static IServiceCollection AddEncoderKinds(this IServiceCollection services) =>
        services.AddEncoderKind<ClipEncoderKind>().AddZeroShotHeadBuilder<PromptHeadBuilder>();

    /// <summary>
    /// The failure index that <c>FailureIndex:Kind</c> names: the embedded exact index (default), or Qdrant with one
    /// <see cref="QdrantClient"/> singleton for <c>FailureIndex:Qdrant:Url</c> (or <c>QDRANT_URL</c>).
    /// </summary>
    public static IServiceCollection AddFailureIndex(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModelStore();
        services.AddOptions<FailureIndexOptions>().BindConfiguration(FailureIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FailureIndexOptions>, FailureIndexOptionsValidation>());
        var kind = configuration.GetSection(FailureIndexOptions.Section).Get<FailureIndexOptions>()?.Kind ?? FailureIndexKind.Embedded;
        if (kind == FailureIndexKind.Qdrant)
        {
            services.TryAddSingleton<IQdrantClient>(provider =>
            {
                var qdrant = provider.GetRequiredService<IOptions<FailureIndexOptions>>().Value.Qdrant;
                return new QdrantClient(qdrant.ResolveUrl(), qdrant.ApiKey, loggerFactory: provider.GetService<ILoggerFactory>());
            });
            services.TryAddSingleton<IFailureIndex, QdrantFailureIndex>();
        }
        else
        {
            services.TryAddSingleton<EmbeddedFailureIndex>();
            services.TryAddSingleton<IFailureIndex>(provider => provider.GetRequiredService<EmbeddedFailureIndex>());
        }
        return services;
    }
}
