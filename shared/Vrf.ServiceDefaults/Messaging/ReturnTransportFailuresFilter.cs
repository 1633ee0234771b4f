using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Vrf.ServiceDefaults;

/// <summary>
/// The first step of every endpoint's error pipe: a message that failed because of the transport (its retries ran out
/// while the broker was away) is not moved to the error queue and no fault is published; the failure is rethrown, so the
/// transport returns the message to its queue for redelivery (RabbitMQ: a negative acknowledgement with requeue, or,
/// when the channel is already gone, the broker requeues it itself). Any other failure goes on to the fault and the
/// error queue.
/// </summary>
internal sealed partial class ReturnTransportFailuresFilter(ILogger logger) : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!TransportFailures.Includes(context.Exception, context.CancellationToken.IsCancellationRequested))
        {
            return next.Send(context);
        }
        LogReturned(context.InputAddress, context.GetMessageId()?.ToString() ?? "?", context.Exception.Message);
        ExceptionDispatchInfo.Throw(context.Exception);
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("returnTransportFailures");

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} on {InputAddress} failed because of the transport and goes back to its queue for redelivery: {Reason}")]
    private partial void LogReturned(Uri inputAddress, string messageId, string reason);
}
