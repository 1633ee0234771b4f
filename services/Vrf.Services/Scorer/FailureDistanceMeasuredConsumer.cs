using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Scorer;

/// <summary>Scores each measured image and publishes its classification.</summary>
public sealed class FailureDistanceMeasuredConsumer(ImageScorer scorer) : IConsumer<FailureDistanceMeasured>
{
    public async Task Consume(ConsumeContext<FailureDistanceMeasured> context)
    {
        var classified = RejectedInput.RejectBadInput(() => scorer.Score(context.Message));
        await context.Publish(classified, context.CancellationToken);
    }
}
