using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Services.Batching;
using Vrf.ServiceDefaults;
using Vrf.Services.Failures;
using Vrf.Serving.Hosting;
using Vrf.Serving.Indexing;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>Registers the failure-index service.</summary>
public static class FailureIndexRegistration
{
    private const string BuildQueue = WorkQueues.FailureIndexBuilds;
    private const string BuildFaultQueue = $"{ServiceNames.FailureIndex}-build-faults";

    /// <summary>What its consumers need: the serving core (model store, the failure index that <c>FailureIndex:Kind</c>
    /// names, the index builder and the <c>Inference</c> options it runs the models with) and the served models.</summary>
    public static IServiceCollection AddFailureIndexService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelServing(configuration);
        services.AddServedModels(configuration);
        services.AddOptions<LookupBatchingOptions>()
            .Bind(configuration.GetSection(LookupBatchingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<LookupBatchers>();
        services.AddVersionResources<LookupBatchers>();
        services.TryAddSingleton<FailureDistanceLookup>();
        services.AddOptions<IndexBuildOptions>()
            .Bind(configuration.GetSection(IndexBuildOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IndexBuildRequests>();
        services.TryAddSingleton<IndexBuildSignal>();
        services.TryAddSingleton<ModelIndexing>();
        services.AddHostedService<IndexBuildWorker>();
        return services;
    }

    /// <summary>
    /// The consumer of <c>ImageEmbedded</c> on the <c>failure-index</c> queue, shared by every replica, taking enough
    /// messages at once for a look-up batch to fill (<see cref="BatchingOptions.EffectiveConcurrentMessageLimit"/>), with
    /// its faults reported from <c>failure-index-faults</c>; the consumer of new
    /// versions to index on <c>failure-index-builds</c>, with their faults reported from <c>failure-index-build-faults</c>;
    /// and the model lifecycle consumer.
    /// </summary>
    /// <remarks>
    /// A new version's message only asks for its build and is acknowledged at once; the <see cref="IndexBuildWorker"/>
    /// of whichever replica claims the request builds it, one version at a time per replica, so a build may last longer
    /// than the broker's consumer timeout, and one that a dying replica leaves is taken again by another (the builder is
    /// idempotent). Look-ups have their own queue and are never stuck behind a build.
    /// </remarks>
    public static IBusRegistrationConfigurator AddFailureIndexConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddPipelineStage<ImageEmbeddedConsumer, ImageEmbedded>(ServiceNames.FailureIndex,
            embedded => (embedded.RequestId, embedded.ModelName, embedded.ReplyAddress),
            context => context.GetRequiredService<IOptions<LookupBatchingOptions>>().Value.EffectiveConcurrentMessageLimit);
        bus.AddConsumer<NewVersionConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = BuildQueue;
            endpoint.ConcurrentMessageLimit = 1;
            endpoint.PrefetchCount = 1;
        });
        bus.AddFaultToFailure<ModelImported, ModelIndexingFailed>(BuildFaultQueue, fault =>
            new ModelIndexingFailed(fault.Message.ModelName, fault.Message.Version, ClassificationFailures.Reason(fault)));
        bus.AddFaultToFailure<ModelTrained, ModelIndexingFailed>(BuildFaultQueue, fault =>
            new ModelIndexingFailed(fault.Message.ModelName, fault.Message.Version, ClassificationFailures.Reason(fault)));
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
