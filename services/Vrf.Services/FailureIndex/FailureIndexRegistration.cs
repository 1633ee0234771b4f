using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Serving.Hosting;
using Vrf.Services.Models;

namespace Vrf.Services.FailureIndex;

/// <summary>Registers the failure-index service.</summary>
public static class FailureIndexRegistration
{
    /// <summary>What its consumers need: the serving core (model store, the failure index that <c>FailureIndex:Kind</c>
    /// names, the index builder and the <c>Inference</c> options it runs the models with) and the served models.</summary>
    public static IServiceCollection AddFailureIndexService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelServing(configuration);
        services.AddServedModels(configuration);
        services.TryAddSingleton<FailureDistanceLookup>();
        services.TryAddSingleton<ModelIndexing>();
        return services;
    }

    /// <summary>The consumers of <c>ImageEmbedded</c>, <c>ModelImported</c> and <c>ModelTrained</c>, their fault
    /// translators and the model lifecycle consumer.</summary>
    public static IBusRegistrationConfigurator AddFailureIndexConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ImageEmbeddedConsumer, ImageEmbeddedConsumerDefinition>();
        bus.AddConsumer<ImageEmbeddedFaultConsumer, ImageEmbeddedFaultConsumerDefinition>();
        bus.AddConsumer<ModelImportedConsumer, ModelImportedConsumerDefinition>();
        bus.AddConsumer<ModelImportedFaultConsumer, ModelImportedFaultConsumerDefinition>();
        bus.AddConsumer<ModelTrainedConsumer, ModelTrainedConsumerDefinition>();
        bus.AddConsumer<ModelTrainedFaultConsumer, ModelTrainedFaultConsumerDefinition>();
        bus.AddModelLifecycleConsumer();
        return bus;
    }
}
