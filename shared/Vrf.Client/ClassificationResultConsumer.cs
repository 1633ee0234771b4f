using MassTransit;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>Hands published classification results and failures to the requests of this process that wait for them.</summary>
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
