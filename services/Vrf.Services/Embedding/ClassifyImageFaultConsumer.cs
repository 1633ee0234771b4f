using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Embedding;

/// <summary>Tells the sender of a classify request that the embedding service gave up on it, and why.</summary>
public sealed class ClassifyImageFaultConsumer : IConsumer<Fault<ClassifyImage>>
{
    public Task Consume(ConsumeContext<Fault<ClassifyImage>> context)
    {
        var request = context.Message.Message;
        return context.Publish(
            ClassificationFailures.From(context.Message, request.RequestId, request.ModelName, ServiceNames.Embedding),
            context.CancellationToken);
    }
}
