using MassTransit;
using Vrf.Contracts;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>Hands a job's events, and those of indexing the version it trains, to the command that follows it.</summary>
public sealed class JobEventsConsumer(JobEvents events)
    : IConsumer<FineTuningStarted>, IConsumer<FineTuningProgressed>, IConsumer<ModelTrained>, IConsumer<FineTuningFailed>,
        IConsumer<FineTuningCancelled>, IConsumer<ModelIndexingProgressed>, IConsumer<ModelIndexingFailed>, IConsumer<ModelPromoted>
{
    public Task Consume(ConsumeContext<FineTuningStarted> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningProgressed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelTrained> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningFailed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningCancelled> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelIndexingProgressed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelIndexingFailed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelPromoted> context) => Add(context.Message);

    private Task Add(object message)
    {
        events.Add(message);
        return Task.CompletedTask;
    }
}
