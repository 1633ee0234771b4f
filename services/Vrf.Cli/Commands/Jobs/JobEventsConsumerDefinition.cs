using MassTransit;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>Every process that follows a job needs all of its events, so each gets a temporary queue of its own.</summary>
public sealed class JobEventsConsumerDefinition : ConsumerDefinition<JobEventsConsumer>
{
    public JobEventsConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = NewId.NextGuid().ToString("N")[..12];
            endpoint.Temporary = true;
        });
        ConcurrentMessageLimit = 1;
    }
}
