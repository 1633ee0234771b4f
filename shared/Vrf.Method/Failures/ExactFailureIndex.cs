using TorchSharp;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Method;

/// <summary>
/// Exact (brute-force) nearest-failure search, like faiss <c>IndexFlatL2</c>, in float64 TorchSharp tensors.
/// It holds the L2-normalised failure set once and answers d(x): the squared Euclidean distance from the
/// L2-normalised query to its K-th nearest member (2 − 2·cos, in [0, 4]). Queries run in chunks so memory stays
/// bounded whatever their number. An empty failure set answers +∞ for every query, so that ω = 0.
/// </summary>
public sealed class ExactFailureIndex : IDisposable
{
    /// <summary>The default bound on the query × member distances held at once: 4 Mi doubles, 32 MiB.</summary>
    public const long DefaultMaxDistancesPerChunk = 1L << 22;

    private readonly Tensor? _members;
    private readonly Tensor? _memberSquaredNorms;
    private readonly long _maxDistancesPerChunk;
    private bool _disposed;

    /// <summary>
    /// Indexes <paramref name="normalizedMembers"/>, one L2-normalised failure feature per row. Queries are answered
    /// in chunks of at most <paramref name="maxDistancesPerChunk"/> distances (at least one query row per chunk).
    /// </summary>
    public ExactFailureIndex(Matrix normalizedMembers, long maxDistancesPerChunk = DefaultMaxDistancesPerChunk)
    {
        ArgumentNullException.ThrowIfNull(normalizedMembers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDistancesPerChunk, 1);
        _maxDistancesPerChunk = maxDistancesPerChunk;
        Count = normalizedMembers.Rows;
        Dimension = normalizedMembers.Columns;
        if (Count == 0)
        {
            return;
        }
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _members = tensor(normalizedMembers.Data, [Count, Dimension], ScalarType.Float64);
        _memberSquaredNorms = _members.square().sum(1);
        _members.MoveToOuterDisposeScope();
        _memberSquaredNorms.MoveToOuterDisposeScope();
    }

    /// <summary>|V|, the number of indexed failures.</summary>
    public int Count { get; }

    /// <summary>D, the feature dimension.</summary>
    public int Dimension { get; }

    public static ExactFailureIndex Build(ZeroShotFailureSet failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return new ExactFailureIndex(failures.Members);
    }

    /// <summary>
    /// d for every row of <paramref name="features"/> (un-normalised fine-tuned features; the index normalises them):
    /// the K-th smallest squared distance to the failure set, with 1 ≤ K ≤ |V|. Equal distances count once each,
    /// so duplicates in the set are harmless. Tiny negative rounding residues are clamped to 0.
    /// </summary>
    public double[] KthDistances(Matrix features, int k)
    {
        CheckQueries(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (_members is null)
        {
            return Enumerable.Repeat(double.PositiveInfinity, features.Rows).ToArray();
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Count);

        var distances = new double[features.Rows];
        ForEachChunk(features, (squared, start) =>
        {
            var (values, _) = squared.kthvalue(k, dim: 1);
            values.data<double>().ToArray().CopyTo(distances.AsSpan(start));
        });
        return distances;
    }

    /// <summary>
    /// The <paramref name="count"/> members nearest to every row of <paramref name="features"/> (normalised here),
    /// closest first, with their squared distances: the neighbours that explain d. Members at equal distances come
    /// in no particular order. An empty failure set gives every query no neighbours.
    /// </summary>
    public FailureNeighbour[][] Nearest(Matrix features, int count)
    {
        CheckQueries(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (_members is null)
        {
            return [.. Enumerable.Range(0, features.Rows).Select(_ => Array.Empty<FailureNeighbour>())];
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        var neighbours = new FailureNeighbour[features.Rows][];
        ForEachChunk(features, (squared, start) =>
        {
            var (values, indices) = squared.topk(count, dim: 1, largest: false, sorted: true);
            var distances = values.data<double>().ToArray();
            var members = indices.data<long>().ToArray();
            for (var row = 0; row < squared.shape[0]; row++)
            {
                neighbours[start + row] = [.. Enumerable.Range(row * count, count)
                    .Select(at => new FailureNeighbour((int)members[at], distances[at]))];
            }
        });
        return neighbours;
    }

    public void Dispose()
    {
        _disposed = true;
        _members?.Dispose();
        _memberSquaredNorms?.Dispose();
    }

    private void CheckQueries(Matrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (features.Columns != Dimension)
        {
            throw new ArgumentException($"Queries have {features.Columns} dimensions but the index has {Dimension}.", nameof(features));
        }
    }

    /// <summary>
    /// Normalises the queries and hands <paramref name="visit"/> their squared distances to every member, chunk by
    /// chunk ([chunk rows, |V|] float64, clamped at 0), with the index of the chunk's first query.
    /// </summary>
    private void ForEachChunk(Matrix features, Action<Tensor, int> visit)
    {
        var queries = features.L2NormalizedRows();
        var chunkRows = (int)Math.Clamp(_maxDistancesPerChunk / Count, 1, Math.Max(1, queries.Rows));
        for (var start = 0; start < queries.Rows; start += chunkRows)
        {
            var rows = Math.Min(chunkRows, queries.Rows - start);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var chunk = tensor(queries.Data.AsSpan(start * Dimension, rows * Dimension).ToArray(), [rows, Dimension], ScalarType.Float64);
            var squared = chunk.square().sum(1, keepdim: true) + _memberSquaredNorms!.unsqueeze(0) - HeldScalar.With(2, chunk.mm(_members!.t()).mul);
            visit(HeldScalar.With(0, squared.clamp_min), start);
        }
    }
}
