using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Scorer;

/// <summary>Tells the sender of a classify request that the scorer gave up on its image, and why.</summary>
public sealed class FailureDistanceMeasuredFaultConsumer : IConsumer<Fault<FailureDistanceMeasured>>
{
    public Task Consume(ConsumeContext<Fault<FailureDistanceMeasured>> context)
    {
        var measured = context.Message.Message;
        return context.Publish(
            ClassificationFailures.From(context.Message, measured.RequestId, measured.ModelName, ServiceNames.Scorer),
            context.CancellationToken);
    }
}
