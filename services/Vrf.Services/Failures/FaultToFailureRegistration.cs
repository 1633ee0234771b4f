using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Vrf.Services.Failures;

/// <summary>Registers a <see cref="FaultToFailureConsumer{TMessage, TFailure}"/>, one per message whose faults a service
/// reports.</summary>
public static class FaultToFailureRegistration
{
    /// <summary>Reports the faults of <typeparamref name="TMessage"/> from the queue <paramref name="queue"/>, shared by
    /// every replica.</summary>
    /// <param name="failureOf">Makes the translation from the process's services (a job store, say).</param>
    /// <param name="replyAddressOf">Where a message's sender wants its failure sent; null when messages name nowhere
    /// (the failure is then only published).</param>
    public static void AddFaultToFailure<TMessage, TFailure>(this IBusRegistrationConfigurator bus, string queue,
        Func<IServiceProvider, FailureOf<TMessage, TFailure>> failureOf, ReplyAddressOf<TMessage>? replyAddressOf = null)
        where TMessage : class
        where TFailure : class
    {
        bus.AddSingleton(failureOf);
        bus.AddSingleton(replyAddressOf ?? (_ => null));
        bus.AddConsumer<FaultToFailureConsumer<TMessage, TFailure>>().Endpoint(endpoint => endpoint.Name = queue);
    }

    /// <summary>Reports the faults of <typeparamref name="TMessage"/> from the queue <paramref name="queue"/> with a
    /// translation that needs nothing but the fault.</summary>
    /// <param name="replyAddressOf">Where a message's sender wants its failure sent; null when messages name nowhere.</param>
    public static void AddFaultToFailure<TMessage, TFailure>(this IBusRegistrationConfigurator bus, string queue,
        FailureOf<TMessage, TFailure> failureOf, ReplyAddressOf<TMessage>? replyAddressOf = null)
        where TMessage : class
        where TFailure : class =>
        bus.AddFaultToFailure(queue, FromServices(failureOf), replyAddressOf);

    private static Func<IServiceProvider, FailureOf<TMessage, TFailure>> FromServices<TMessage, TFailure>(FailureOf<TMessage, TFailure> failureOf)
        where TMessage : class
        where TFailure : class =>
        _ => failureOf;
}
