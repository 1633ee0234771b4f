using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.Services.Batching;
using Vrf.Services.Failures;
using Vrf.Serving.Hosting;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>Registers the failure-index service.</summary>
public static class FailureIndexRegistration
{
    private const string BuildQueue = $"{ServiceNames.FailureIndex}-builds";
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
        services.TryAddSingleton<FailureDistanceLookup>();
        services.TryAddSingleton<ModelIndexing>();
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
    /// A build takes one version at a time per replica, with no message taken ahead of it, and keeps its message until
    /// the version is ready, so a replica that dies mid-build leaves the message to another one, which builds the
    /// version again (the builder is idempotent); look-ups have their own queue and are never stuck behind a build. A
    /// build longer than the broker's consumer timeout (RabbitMQ: <c>consumer_timeout</c>, 30 minutes by default) needs
    /// that timeout raised.
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
