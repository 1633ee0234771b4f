using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.ServiceDefaults;

namespace Vrf.Client;

/// <summary>
/// Registers the classification client: call from the bus registration of any process that classifies. Each client
/// instance gets a queue of its own (deleted when it stops), bound to nothing: the services send a request's outcome
/// to the queue its request names (<see cref="ClassificationReplyAddress"/>), so a client receives only its own
/// outcomes, however many clients (gateway replicas, CLI runs) there are.
/// </summary>
public static class ClassificationClientRegistration
{
    private const string Queue = "classification-outcomes";

    public static void AddClassificationClient(this IBusRegistrationConfigurator bus)
    {
        bus.TryAddSingleton<PendingClassifications>();
        bus.TryAddSingleton<ClassificationReplyAddress>();
        bus.TryAddScoped<ClassificationClient>();
        bus.AddOptions<ClassificationClientOptions>().BindConfiguration(ClassificationClientOptions.Section).ValidateDataAnnotations();
        bus.AddConsumer<ClassificationResultConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = Queue;
            endpoint.OnInstanceQueue();
            endpoint.ConfigureConsumeTopology = false;
            endpoint.AddConfigureEndpointCallback((context, queue) =>
                context.GetRequiredService<ClassificationReplyAddress>().Set(queue.InputAddress));
        });
    }
}
