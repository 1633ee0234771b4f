using MassTransit;
using Vrf.Contracts;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>Puts every retrain and model event into the test's <see cref="BusEventLog"/>.</summary>
public sealed class BusEventLogConsumer(BusEventLog log)
    : IConsumer<FineTuningStarted>, IConsumer<FineTuningProgressed>, IConsumer<ModelTrained>, IConsumer<FineTuningFailed>,
        IConsumer<FineTuningCancelled>, IConsumer<ModelIndexingFailed>, IConsumer<ModelPromoted>
{
    public Task Consume(ConsumeContext<FineTuningStarted> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningProgressed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelTrained> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningFailed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<FineTuningCancelled> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelIndexingFailed> context) => Add(context.Message);

    public Task Consume(ConsumeContext<ModelPromoted> context) => Add(context.Message);

    private Task Add(object message)
    {
        log.Add(message);
        return Task.CompletedTask;
    }
}
