using MassTransit;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>Hands the classification results and failures sent to this process's queue to the requests that wait for them.</summary>
public sealed class ClassificationResultConsumer(PendingClassifications pending)
    : IConsumer<ImageClassified>, IConsumer<ImageClassificationFailed>
{
    public Task Consume(ConsumeContext<ImageClassified> context)
    {
        pending.Complete(new ClassificationOutcome(context.Message, null));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ImageClassificationFailed> context)
    {
        pending.Complete(new ClassificationOutcome(null, context.Message));
        return Task.CompletedTask;
    }
}
