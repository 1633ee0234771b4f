using MassTransit;

namespace Vrf.Services;

/// <summary>
/// How an outcome leaves the classify pipeline (a result, or the failure of a request): sent to the requester's own
/// queue, the <c>ReplyAddress</c> its request carried, so that each client receives only its own outcomes however many
/// clients there are; and published, so that subscribers such as a monitor see every outcome. The publication costs
/// one more message per image on the broker; an exchange nobody is bound to drops it there.
/// </summary>
public static class OutcomeDelivery
{
    /// <param name="replyAddress">The requester's queue; null (a request from a client that named none) publishes only.</param>
    public static async Task DeliverAsync<TOutcome>(ConsumeContext context, TOutcome outcome, Uri? replyAddress)
        where TOutcome : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (replyAddress is not null)
        {
            var requester = await context.GetSendEndpoint(replyAddress);
            await requester.Send(outcome, context.CancellationToken);
        }
        await context.Publish(outcome, context.CancellationToken);
    }
}
