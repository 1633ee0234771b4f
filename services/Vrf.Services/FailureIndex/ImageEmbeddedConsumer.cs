using MassTransit;
using Vrf.Contracts;
using Vrf.Services.Failures;

namespace Vrf.Services.FailureIndex;

/// <summary>Measures each embedded image's distance to the zero-shot failures and passes it on to the scorer.</summary>
public sealed class ImageEmbeddedConsumer(FailureDistanceLookup lookup) : IConsumer<ImageEmbedded>
{
    public async Task Consume(ConsumeContext<ImageEmbedded> context)
    {
        var measured = await RejectedInput.RejectBadInputAsync(() => lookup.MeasureAsync(context.Message, context.CancellationToken));
        await context.Publish(measured, context.CancellationToken);
    }
}
