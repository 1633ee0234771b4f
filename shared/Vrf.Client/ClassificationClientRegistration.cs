using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.ServiceDefaults;

namespace Vrf.Client;

/// <summary>
/// Registers the classification client: call from the bus registration of any process that classifies. Every client
/// instance needs every result, so each gets a queue of its own (deleted when it stops) instead of competing with the
/// other clients on one.
/// </summary>
public static class ClassificationClientRegistration
{
    public static void AddClassificationClient(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<PendingClassifications>();
        bus.TryAddScoped<ClassificationClient>();
        bus.AddConsumer<ClassificationResultConsumer>().Endpoint(endpoint => endpoint.OnInstanceQueue());
    }
}
