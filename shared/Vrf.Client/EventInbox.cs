using System.Threading.Channels;

namespace Vrf.Client;

/// <summary>
/// The events this process follows (a job's progress, a version's indexing), in the order they arrived, for the one
/// reader that waits for them. Filled by <see cref="EventInboxRegistration.AddEventInbox"/>'s consumers.
/// </summary>
public sealed class EventInbox
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<object> Reader => _events.Reader;

    internal void Add(object message) => _events.Writer.TryWrite(message);
}
