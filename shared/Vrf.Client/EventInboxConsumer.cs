using MassTransit;

namespace Vrf.Client;

/// <summary>Puts each <typeparamref name="TEvent"/> this process receives into its <see cref="EventInbox"/>.</summary>
public sealed class EventInboxConsumer<TEvent>(EventInbox inbox) : IConsumer<TEvent>
    where TEvent : class
{
    public Task Consume(ConsumeContext<TEvent> context)
    {
        inbox.Add(context.Message);
        return Task.CompletedTask;
    }
}
