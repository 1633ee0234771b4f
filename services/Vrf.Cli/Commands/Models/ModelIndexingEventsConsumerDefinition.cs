using MassTransit;

namespace Vrf.Cli.Commands.Models;

/// <summary>Every importing process needs the events of its own import, so each gets a temporary queue of its own.</summary>
public sealed class ModelIndexingEventsConsumerDefinition : ConsumerDefinition<ModelIndexingEventsConsumer>
{
    public ModelIndexingEventsConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }
}
