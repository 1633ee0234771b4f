using MassTransit;

namespace Vrf.Gateway.Events;

/// <summary>Hands each <typeparamref name="TEvent"/> this gateway receives to its <see cref="LiveEvents"/>.</summary>
public sealed class LiveEventConsumer<TEvent>(LiveEvents events) : IConsumer<TEvent>
    where TEvent : class
{
    /// <summary>Adds the event to the stream.</summary>
    public Task Consume(ConsumeContext<TEvent> context)
    {
        events.Add(context.Message);
        return Task.CompletedTask;
    }
}
