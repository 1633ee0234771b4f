using System.Threading.Channels;

namespace Vrf.Services.Batching;

/// <summary>
/// Dynamic batching for one model version: items wait in a queue, and a batch runs as soon as
/// <see cref="BatchingOptions.MaxBatchSize"/> wait or <see cref="BatchingOptions.MaxBatchDelayMs"/> after the first of
/// them arrived, one batch at a time. Each caller gets its own item's result (or the batch's exception), so every
/// message is still acknowledged or faulted on its own. MassTransit's <c>Batch&lt;T&gt;</c> consumer is not used
/// because it acknowledges, retries and faults a batch as a whole; here the consumer's concurrency limit (at least the
/// batch size) is what lets a batch fill.
/// </summary>
/// <param name="run">Computes a batch: one result per item, in order. It runs on the batcher's own loop, outside every
/// caller's trace.</param>
/// <param name="ran">Told the size of every batch that ran.</param>
internal sealed class DynamicBatcher<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _run;
    private readonly Action<int> _ran;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxDelay;
    private readonly Task _batches;

    public DynamicBatcher(BatchingOptions options, Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> run, Action<int> ran)
    {
        _run = run;
        _ran = ran;
        _maxBatchSize = options.MaxBatchSize;
        _maxDelay = options.MaxBatchDelay;
        // The loop serves every caller: it must not run inside the first caller's trace or other ambient state.
        using (ExecutionContext.SuppressFlow())
        {
            _batches = Task.Run(RunAsync);
        }
    }

    /// <summary>Queues an item and completes with its result once its batch has run; null when the batcher was
    /// completed and takes no more.</summary>
    public Task<Batched<TResult>>? TryAdd(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, TimeProvider.System.GetTimestamp());
        return _queue.Writer.TryWrite(pending) ? pending.Completion.Task.WaitAsync(cancellationToken) : null;
    }

    /// <summary>Takes no more items; those already queued still run, and the batcher's loop then ends.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        Complete();
        await _batches;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatchSize);
        while (await reader.WaitToReadAsync())
        {
            Take(reader, batch);
            if (batch.Count == 0)
            {
                continue;
            }
            await FillAsync(reader, batch);
            await RunBatchAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>Waits for more items until the batch is full or its first item has waited the longest it may.</summary>
    private async Task FillAsync(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _maxBatchSize)
        {
            var remaining = _maxDelay - TimeProvider.System.GetElapsedTime(batch[0].QueuedAt);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            using var timeout = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return;
            }
            Take(reader, batch);
        }
    }

    private void Take(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _maxBatchSize && reader.TryRead(out var pending))
        {
            batch.Add(pending);
        }
    }

    private async Task RunBatchAsync(List<Pending> batch)
    {
        var started = TimeProvider.System.GetTimestamp();
        _ran(batch.Count);
        try
        {
            var results = await _run([.. batch.Select(pending => pending.Item)]);
            var running = TimeProvider.System.GetElapsedTime(started);
            for (var i = 0; i < batch.Count; i++)
            {
                var waited = TimeProvider.System.GetElapsedTime(batch[i].QueuedAt, started);
                batch[i].Completion.TrySetResult(new Batched<TResult>(results[i], waited, running, batch.Count));
            }
        }
        catch (Exception e)
        {
            batch.ForEach(pending => pending.Completion.TrySetException(e));
        }
    }

    private sealed record Pending(TItem Item, long QueuedAt)
    {
        public TaskCompletionSource<Batched<TResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
