using System.Threading.Channels;

namespace Vrf.Cli.Commands.Models;

/// <summary>The indexing events this process received (<c>ModelIndexingProgressed</c>, <c>ModelPromoted</c>,
/// <c>ModelIndexingFailed</c>), in arrival order, for the command that follows an import.</summary>
public sealed class ModelIndexingEvents
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<object> Reader => _events.Reader;

    public void Add(object message) => _events.Writer.TryWrite(message);
}
