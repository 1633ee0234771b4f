using MassTransit;

namespace Vrf.Services.Failures;

/// <summary>What the fault of a message tells its sender: the failure event to deliver, or null for none.</summary>
public delegate TFailure? FailureOf<TMessage, TFailure>(Fault<TMessage> fault)
    where TMessage : class
    where TFailure : class;

/// <summary>Where the sender of a message wants its failure sent besides the publication (its own queue), or null.</summary>
public delegate Uri? ReplyAddressOf<in TMessage>(TMessage message);

/// <summary>
/// Tells the sender of a message that a service gave up on it, and why: delivers the failure event that
/// <see cref="FailureOf{TMessage, TFailure}"/> makes of its fault (<see cref="OutcomeDelivery"/>: to the sender's reply
/// address when the message carries one, and published). Faults are published by the bus after the message went to the
/// error queue, outside the failed consumer's outbox, so the failure survives the exception that caused it.
/// Registered with <see cref="FaultToFailureRegistration.AddFaultToFailure{TMessage, TFailure}(IBusRegistrationConfigurator, string, FailureOf{TMessage, TFailure}, ReplyAddressOf{TMessage}?)"/>.
/// </summary>
public sealed class FaultToFailureConsumer<TMessage, TFailure>(FailureOf<TMessage, TFailure> failureOf, ReplyAddressOf<TMessage> replyAddressOf)
    : IConsumer<Fault<TMessage>>
    where TMessage : class
    where TFailure : class
{
    public async Task Consume(ConsumeContext<Fault<TMessage>> context)
    {
        if (failureOf(context.Message) is { } failure)
        {
            await OutcomeDelivery.DeliverAsync(context, failure, replyAddressOf(context.Message.Message));
        }
    }
}
