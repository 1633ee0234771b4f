using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>Tells the sender of a classify request that the failure-index service gave up on its image, and why.</summary>
public sealed class ImageEmbeddedFaultConsumer : IConsumer<Fault<ImageEmbedded>>
{
    public Task Consume(ConsumeContext<Fault<ImageEmbedded>> context)
    {
        var embedded = context.Message.Message;
        return context.Publish(
            ClassificationFailures.From(context.Message, embedded.RequestId, embedded.ModelName, ServiceNames.FailureIndex),
            context.CancellationToken);
    }
}
