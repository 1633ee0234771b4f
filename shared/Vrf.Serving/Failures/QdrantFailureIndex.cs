using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>
/// The failure index in Qdrant: one collection per model version (<see cref="QdrantPoints.CollectionName"/>), created
/// idempotently with explicit shard, replica and write-consistency counts; one point per failure with a deterministic
/// id and the payload <c>sample_id</c>, <c>label</c>. The collection uses cosine distance: Qdrant normalises vectors
/// itself, scores are cosines of unit vectors, and d = 2 − 2·cos is exactly the squared L2 distance the method uses,
/// with no square root to undo. Exact search by default (an option switches to HNSW).
/// </summary>
public sealed partial class QdrantFailureIndex(IQdrantClient client, IOptions<FailureIndexOptions> options, ILogger<QdrantFailureIndex> logger)
    : IFailureIndex
{
    private readonly QdrantIndexOptions _options = options.Value.Qdrant;
    private readonly ConcurrentDictionary<ModelVersionId, CollectionShape> _shapes = new();

    public async Task StoreAsync(ModelVersionId model, FailureSet failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(failures);
        var collection = CollectionName(model);
        await EnsureCollectionAsync(collection, failures.Dimension, cancellationToken);
        for (var start = 0; start < failures.Count; start += _options.UpsertBatchSize)
        {
            var points = Enumerable.Range(start, Math.Min(_options.UpsertBatchSize, failures.Count - start))
                .Select(i => new PointStruct
                {
                    Id = QdrantPoints.PointId(model, failures.SampleIds[i]),
                    Vectors = failures.Row(i).ToArray(),
                    Payload =
                    {
                        [QdrantPoints.SampleIdKey] = failures.SampleIds[i],
                        [QdrantPoints.LabelKey] = (long)failures.Labels[i],
                    },
                })
                .ToList();
            await client.UpsertAsync(collection, points, wait: true, cancellationToken: cancellationToken);
        }
        var stored = await client.CountAsync(collection, exact: true, cancellationToken: cancellationToken);
        if (stored != (ulong)failures.Count)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{collection}' holds {stored} points after storing {failures.Count} failures: it holds another " +
                $"failure set of {model}. Delete the collection and store again.");
        }
        _shapes[model] = new CollectionShape(failures.Dimension, failures.Count);
        LogStored(model, failures.Count, collection);
    }

    public async Task<IReadOnlyList<FailureDistance>> MeasureAsync(
        ModelVersionId model, IReadOnlyList<float[]> features, int k, int nearestCount = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var shape = await ShapeAsync(model, cancellationToken);
        FailureQuery.Validate(model, features, shape.Dimension, shape.Count, k, nearestCount);
        if (features.Count == 0)
        {
            return [];
        }
        if (shape.Count == 0)
        {
            return [.. features.Select(_ => new FailureDistance(double.PositiveInfinity, []))];
        }
        var nearest = Math.Min(nearestCount, shape.Count);
        var limit = (ulong)Math.Max(k, nearest);
        var collection = CollectionName(model);
        var results = new List<FailureDistance>(features.Count);
        foreach (var chunk in features.Chunk(_options.QueryBatchSize))
        {
            var queries = chunk.Select(feature => new QueryPoints
            {
                CollectionName = collection,
                Query = Normalized(feature),
                Limit = limit,
                Params = SearchParameters(),
                WithPayload = nearest > 0,
            }).ToList();
            IReadOnlyList<BatchResult> answers;
            try
            {
                answers = await client.QueryBatchAsync(collection, queries, cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                _shapes.TryRemove(model, out _);
                throw new ModelNotFoundException($"Model {model} has no failure set: Qdrant collection '{collection}' is gone.");
            }
            results.AddRange(answers.Select(answer => Distance(answer.Result, k, nearest, collection)));
        }
        return results;
    }

    public async Task DeleteAsync(ModelVersionId model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var collection = CollectionName(model);
        _shapes.TryRemove(model, out _);
        if (await client.CollectionExistsAsync(collection, cancellationToken))
        {
            await client.DeleteCollectionAsync(collection, cancellationToken: cancellationToken);
            LogDeleted(model, collection);
        }
    }

    /// <summary>Forgets the collection's shape this process read; the collection stays on the server.</summary>
    public void Release(ModelVersionId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _shapes.TryRemove(model, out _);
    }

    /// <summary>The squared L2 distance between unit vectors whose cosine is <paramref name="score"/>, in [0, 4].</summary>
    public static double SquaredDistance(float score) => Math.Clamp(2 - 2 * (double)score, 0, 4);

    private string CollectionName(ModelVersionId model) => QdrantPoints.CollectionName(_options.CollectionPrefix, model);

    private SearchParams SearchParameters()
    {
        var parameters = new SearchParams { Exact = _options.ExactSearch };
        if (_options.HnswEf is { } ef)
        {
            parameters.HnswEf = (ulong)ef;
        }
        return parameters;
    }

    private static FailureDistance Distance(IReadOnlyList<ScoredPoint> points, int k, int nearest, string collection)
    {
        var closestFirst = points.OrderByDescending(point => point.Score).ToList();
        if (closestFirst.Count < k)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{collection}' returned {closestFirst.Count} neighbours where K = {k} were asked for.");
        }
        return new FailureDistance(
            SquaredDistance(closestFirst[k - 1].Score),
            [.. closestFirst.Take(nearest).Select(point => new NearbyFailure(
                point.Payload[QdrantPoints.SampleIdKey].StringValue,
                checked((int)point.Payload[QdrantPoints.LabelKey].IntegerValue),
                SquaredDistance(point.Score)))]);
    }

    private static float[] Normalized(float[] feature)
    {
        var norm = Math.Sqrt(feature.Sum(x => (double)x * x));
        return [.. feature.Select(x => (float)(x / norm))];
    }

    private async Task EnsureCollectionAsync(string collection, int dimension, CancellationToken cancellationToken)
    {
        if (!await client.CollectionExistsAsync(collection, cancellationToken))
        {
            try
            {
                await client.CreateCollectionAsync(
                    collection,
                    new VectorParams { Size = (ulong)dimension, Distance = Qdrant.Client.Grpc.Distance.Cosine },
                    shardNumber: _options.ShardNumber,
                    replicationFactor: _options.ReplicationFactor,
                    writeConsistencyFactor: _options.WriteConsistencyFactor,
                    cancellationToken: cancellationToken);
                LogCreated(collection, dimension, _options.ShardNumber, _options.ReplicationFactor);
                return;
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
                if (!await client.CollectionExistsAsync(collection, cancellationToken))
                {
                    throw;
                }
            }
        }
        var existing = await CollectionDimensionAsync(collection, cancellationToken);
        if (existing != dimension)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{collection}' holds {existing}-dimensional vectors; this failure set has {dimension}.");
        }
    }

    private async Task<CollectionShape> ShapeAsync(ModelVersionId model, CancellationToken cancellationToken)
    {
        if (_shapes.TryGetValue(model, out var shape))
        {
            return shape;
        }
        var collection = CollectionName(model);
        if (!await client.CollectionExistsAsync(collection, cancellationToken))
        {
            throw new ModelNotFoundException($"Model {model} has no failure set: Qdrant has no collection '{collection}'.");
        }
        var count = await client.CountAsync(collection, exact: true, cancellationToken: cancellationToken);
        shape = new CollectionShape(await CollectionDimensionAsync(collection, cancellationToken), checked((int)count));
        _shapes[model] = shape;
        return shape;
    }

    private async Task<int> CollectionDimensionAsync(string collection, CancellationToken cancellationToken)
    {
        var info = await client.GetCollectionInfoAsync(collection, cancellationToken);
        return checked((int)info.Config.Params.VectorsConfig.Params.Size);
    }

    private sealed record CollectionShape(int Dimension, int Count);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Created Qdrant collection {Collection} ({Dimension} dimensions, cosine, {Shards} shard(s), {Replicas} replica(s))")]
    private partial void LogCreated(string collection, int dimension, uint shards, uint replicas);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored the failure set of {Model} ({Count} failures) in Qdrant collection {Collection}")]
    private partial void LogStored(ModelVersionId model, int count, string collection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the failure set of {Model} (Qdrant collection {Collection})")]
    private partial void LogDeleted(ModelVersionId model, string collection);
}
