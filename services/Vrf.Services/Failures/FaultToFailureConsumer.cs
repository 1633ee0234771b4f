using MassTransit;

namespace Vrf.Services.Failures;

/// <summary>What the fault of a message tells its sender: the failure event to publish, or null for none.</summary>
public delegate TFailure? FailureOf<TMessage, TFailure>(Fault<TMessage> fault)
    where TMessage : class
    where TFailure : class;

/// <summary>
/// Tells the sender of a message that a service gave up on it, and why: publishes the failure event that
/// <see cref="FailureOf{TMessage, TFailure}"/> makes of its fault. Faults are published by the bus after the message went
/// to the error queue, outside the failed consumer's outbox, so the failure survives the exception that caused it.
/// Registered with <see cref="FaultToFailureRegistration.AddFaultToFailure{TMessage, TFailure}"/>.
/// </summary>
public sealed class FaultToFailureConsumer<TMessage, TFailure>(FailureOf<TMessage, TFailure> failureOf) : IConsumer<Fault<TMessage>>
    where TMessage : class
    where TFailure : class
{
    public async Task Consume(ConsumeContext<Fault<TMessage>> context)
    {
        if (failureOf(context.Message) is { } failure)
        {
            await context.Publish(failure, context.CancellationToken);
        }
    }
}
