using System.Threading.Channels;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>The retrain and indexing events this process received, in arrival order, for the command that follows a job.</summary>
public sealed class JobEvents
{
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<object> Reader => _events.Reader;

    public void Add(object message) => _events.Writer.TryWrite(message);
}
