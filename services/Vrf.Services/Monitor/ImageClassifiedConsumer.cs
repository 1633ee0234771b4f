using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.Monitor;

/// <summary>Feeds each served result to its version's drift window and announces the alarm it raised or cleared.</summary>
public sealed class ImageClassifiedConsumer(DriftMonitor monitor) : IConsumer<ImageClassified>
{
    public async Task Consume(ConsumeContext<ImageClassified> context)
    {
        var notice = RejectedInput.RejectBadInput(() => monitor.Observe(context.Message));
        if (notice is null)
        {
            return;
        }
        await (notice.Raised
            ? context.Publish(notice.Detected(), context.CancellationToken)
            : context.Publish(notice.Cleared(), context.CancellationToken));
    }
}
