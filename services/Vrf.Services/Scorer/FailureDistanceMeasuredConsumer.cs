using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Scorer;

/// <summary>Scores each measured image and delivers its classification to the requester and the subscribers.</summary>
public sealed class FailureDistanceMeasuredConsumer(ImageScorer scorer) : IConsumer<FailureDistanceMeasured>
{
    public async Task Consume(ConsumeContext<FailureDistanceMeasured> context)
    {
        var classified = RejectedInput.RejectBadInput(() => scorer.Score(context.Message));
        await OutcomeDelivery.DeliverAsync(context, classified, context.Message.ReplyAddress);
    }
}
