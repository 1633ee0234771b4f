using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Vrf.Gateway.Events;

/// <summary>
/// The bus events this gateway received, fanned out to every open stream: the latest
/// <see cref="LiveEventOptions.Retained"/> are kept so that a stream can start with them, then each stream gets every new
/// event in order. A stream that falls <see cref="LiveEventOptions.MaxBacklog"/> events behind is ended rather than
/// slowing the others; its reader reconnects from the last event it read. Thread-safe.
/// </summary>
public sealed class LiveEvents(IOptions<LiveEventOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Queue<LiveEvent> _retained = new();
    private readonly HashSet<Channel<LiveEvent>> _streams = [];
    private long _lastId;

    /// <summary>Adds an event the bus delivered and hands it to every open stream.</summary>
    public void Add(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            var live = new LiveEvent(++_lastId, LiveEventTypes.NameOf(message.GetType()), message);
            _retained.Enqueue(live);
            while (_retained.Count > options.Value.Retained)
            {
                _retained.Dequeue();
            }
            foreach (var stream in _streams.Where(stream => !stream.Writer.TryWrite(live)).ToList())
            {
                stream.Writer.TryComplete();
                _streams.Remove(stream);
            }
        }
    }

    /// <summary>The retained events after <paramref name="afterId"/> (all of them when null, or when the id is not
    /// from this gateway's sequence), then every new one until <paramref name="cancellationToken"/> is cancelled or the
    /// stream falls too far behind; either way the stream just ends.</summary>
    public async IAsyncEnumerable<LiveEvent> StreamAsync(long? afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(options.Value.MaxBacklog)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        List<LiveEvent> backlog;
        lock (_lock)
        {
            var from = afterId is { } after && after <= _lastId ? after : 0;
            backlog = [.. _retained.Where(live => live.Id > from)];
            _streams.Add(stream);
        }
        try
        {
            foreach (var live in backlog)
            {
                yield return live;
            }
            while (await WaitToReadAsync(stream.Reader, cancellationToken))
            {
                while (stream.Reader.TryRead(out var live))
                {
                    yield return live;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _streams.Remove(stream);
            }
        }
    }

    /// <summary>Waits for the next event; false once the stream was ended or <paramref name="cancellationToken"/> cancelled.</summary>
    private static async Task<bool> WaitToReadAsync(ChannelReader<LiveEvent> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
