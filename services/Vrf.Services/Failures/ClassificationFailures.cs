using MassTransit;
using Vrf.Contracts;

namespace Vrf.Services.Failures;

/// <summary>
/// Turns the fault of a message of the classify pipeline into the <see cref="ImageClassificationFailed"/> its sender
/// waits for. Faults are published by the bus after the message went to the error queue, outside the failed consumer's
/// outbox, so the failure result survives the exception that caused it. Its kind comes from the exceptions' types
/// (<see cref="FailureKinds"/>).
/// </summary>
public static class ClassificationFailures
{
    /// <param name="stage">The service whose consumer gave up (a <see cref="ServiceNames"/> name).</param>
    public static ImageClassificationFailed From(Fault fault, Guid requestId, string modelName, string stage)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new ImageClassificationFailed(requestId, modelName, Reason(fault), stage, FailureKinds.Of(fault));
    }

    /// <summary>The first exception's message: the reason the consumer gave.</summary>
    public static string Reason(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault.Exceptions.FirstOrDefault() is { Message.Length: > 0 } exception
            ? exception.Message
            : "The message failed without a reason.";
    }
}
