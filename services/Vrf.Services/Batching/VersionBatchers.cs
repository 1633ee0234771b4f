using System.Collections.Concurrent;
using Vrf.Serving.Store;

namespace Vrf.Services.Batching;

/// <summary>One <see cref="DynamicBatcher{TItem, TResult}"/> per model version, made when the version's first item
/// arrives, so items of different versions never share a batch.</summary>
/// <param name="run">Computes a batch of one version's items: one result per item, in order.</param>
/// <param name="sizes">Where the size of every batch that runs is recorded.</param>
internal sealed class VersionBatchers<TItem, TResult>(
    BatchingOptions options,
    Func<ModelVersionId, IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> run,
    BatchSizes sizes) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ModelVersionId, Lazy<DynamicBatcher<TItem, TResult>>> _batchers = new();

    /// <summary>Queues an item for its version's next batch; completes with its result.</summary>
    public Task<Batched<TResult>> AddAsync(ModelVersionId version, TItem item, CancellationToken cancellationToken) =>
        _batchers.GetOrAdd(version, id => new Lazy<DynamicBatcher<TItem, TResult>>(() =>
                new DynamicBatcher<TItem, TResult>(options, items => run(id, items), size => sizes.Record(id, size))))
            .Value.AddAsync(item, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in _batchers.Values.Where(batcher => batcher.IsValueCreated))
        {
            await batcher.Value.DisposeAsync();
        }
    }
}
