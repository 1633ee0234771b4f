using MassTransit;
using Vrf.Contracts;

namespace Vrf.Cli.Commands.Models;

/// <summary>Hands the failure-index service's indexing events to the import that waits for them.</summary>
public sealed class ModelIndexingEventsConsumer(ModelIndexingEvents events)
    : IConsumer<ModelIndexingProgressed>, IConsumer<ModelPromoted>, IConsumer<ModelIndexingFailed>
{
    public Task Consume(ConsumeContext<ModelIndexingProgressed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelPromoted> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelIndexingFailed> context) => Add(context.Message);

    private Task Add(object message)
    {
        events.Add(message);
        return Task.CompletedTask;
    }
}
