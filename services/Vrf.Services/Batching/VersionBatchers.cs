using System.Collections.Concurrent;
using Vrf.Serving.Store;

namespace Vrf.Services.Batching;

/// <summary>One <see cref="DynamicBatcher{TItem, TResult}"/> per model version, made when the version's first item
/// arrives (and again after <see cref="Release"/>), so items of different versions never share a batch.</summary>
/// <param name="run">Computes a batch of one version's items: one result per item, in order.</param>
/// <param name="sizes">Where the size of every batch that runs is recorded.</param>
internal sealed class VersionBatchers<TItem, TResult>(
    BatchingOptions options,
    Func<ModelVersionId, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> run,
    BatchSizes sizes) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<DynamicBatcher<TItem, TResult>>> _batchers = new();
    private volatile bool _disposed;

    /// <summary>Queues an item for its version's next batch; completes with its result.</summary>
    public Task<Batched<TResult>> AddAsync(ModelVersionId version, TItem item, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_disposed)
            {
                throw new OperationCanceledException("The service is stopping.");
            }
            var batcher = _batchers.GetOrAdd(version, id => new Lazy<DynamicBatcher<TItem, TResult>>(() =>
                new DynamicBatcher<TItem, TResult>(options, items => run(id, items), size => sizes.Record(id, size))));
            // A batcher released between the look-up and the add takes no more items: the next one takes this one.
            if (batcher.Value.TryAdd(item, cancellationToken) is { } batched)
            {
                return batched;
            }
            _batchers.TryRemove(KeyValuePair.Create(version, batcher));
        }
    }

    /// <summary>Stops the version's batcher once the items it holds have run; a later item makes a new one.</summary>
    public void Release(ModelVersionId version)
    {
        if (_batchers.TryRemove(version, out var batcher) && batcher.IsValueCreated)
        {
            batcher.Value.Complete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var batcher in _batchers.Values.Where(batcher => batcher.IsValueCreated))
        {
            await batcher.Value.DisposeAsync();
        }
    }
}
