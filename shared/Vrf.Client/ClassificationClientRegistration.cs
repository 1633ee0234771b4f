using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vrf.Client;

/// <summary>Registers the classification client: call from the bus registration of any process that classifies.</summary>
public static class ClassificationClientRegistration
{
    public static void AddClassificationClient(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<PendingClassifications>();
        bus.TryAddScoped<ClassificationClient>();
        bus.AddConsumer<ClassificationResultConsumer, ClassificationResultConsumerDefinition>();
    }
}
