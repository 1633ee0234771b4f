using System.Collections.Concurrent;
using static TorchSharp.torch;

namespace Vrf.Serving.Failures;

/// <summary>
/// The embedded index's exact search over one failure set: every member is scored, as faiss <c>IndexFlatL2</c> does,
/// and d is the exact squared distance the core library's <c>ExactFailureIndex</c> computes in double precision.
/// <list type="bullet">
/// <item>Memory: the set's float32 features stay in the <see cref="FailureSet"/>'s one array, which a tensor views
/// without copying; the index adds ‖v‖² per member (4 bytes).</item>
/// <item>Ranking: <see cref="CandidateRanking"/> picks each query's candidates by float32 matrix products over chunks of
/// the set; a single query is ranked by <see cref="MemberScan"/>, a direct SIMD scan.</item>
/// <item>Exactness: the candidates are re-scored in double precision. Float32 rounding can misorder members whose
/// distances differ by less than <see cref="RankingError"/>, so every candidate within twice that bound of the K-th
/// is re-scored, and a query whose candidates do not reach past that band is ranked again with twice as many.</item>
/// </list>
/// Members at equal exact distances count once each and come in the order of the set.
/// </summary>
public sealed class FlatFailureSearch : IDisposable
{
    /// <summary>The default bound on the float32 scores held at once: 4 Mi, 16 MiB.</summary>
    public const long DefaultMaxScoresPerChunk = 1L << 22;

    /// <summary>Candidates ranked beyond the ones asked for, so that near-ties at the K-th rarely need a second ranking.</summary>
    private const int ExtraCandidates = 16;

    /// <summary>The unit roundoff of float32, 2⁻²⁴.</summary>
    private const double Float32UnitRoundoff = 1.0 / (1 << 24);

    private readonly FailureSet _failures;
    private readonly float[] _squaredNorms = [];
    private readonly Tensor? _members;
    private readonly Tensor? _squaredNormTensor;
    private readonly long _maxScoresPerChunk;
    private bool _disposed;

    /// <param name="failures">The set; its feature array is used in place and must not change afterwards.</param>
    /// <param name="maxScoresPerChunk">The bound on the float32 scores held at once (at least one query against K members).</param>
    public FlatFailureSearch(FailureSet failures, long maxScoresPerChunk = DefaultMaxScoresPerChunk)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxScoresPerChunk, 1);
        _failures = failures;
        _maxScoresPerChunk = maxScoresPerChunk;
        if (failures.Count == 0)
        {
            return;
        }
        var squaredNorms = GC.AllocateUninitializedArray<float>(failures.Count, pinned: true);
        Parallel.ForEach(Partitioner.Create(0, failures.Count), Threads(), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                squaredNorms[i] = (float)DoublePrecision.SquaredNorm(failures.Row(i));
            }
        });
        RankingError = RankingErrorBound(failures.Dimension, squaredNorms.Max());
        _squaredNorms = squaredNorms;
        using var flat = frombuffer(failures.Features, ScalarType.Float32);
        _members = flat.view(failures.Count, failures.Dimension);
        _squaredNormTensor = frombuffer(squaredNorms, ScalarType.Float32);
    }

    /// <summary>|V|.</summary>
    public int Count => _failures.Count;

    public int Dimension => _failures.Dimension;

    /// <summary>
    /// An upper bound on how far a float32 ranking score plus ‖q‖² can lie from the exact squared distance:
    /// (D + 8)·2⁻²⁴·(1 + max ‖v‖)², which covers the query's rounding to float32, the rounding of ‖v‖², and the
    /// worst-case error of a D-term float32 dot product (D·2⁻²⁴·‖q‖·‖v‖, whatever the order of summation) with room
    /// to spare. About 1.2e-4 at D = 512.
    /// </summary>
    public double RankingError { get; }

    /// <summary>
    /// d for every query (un-normalised; normalised here in double precision): the squared distance to its
    /// <paramref name="k"/>-th nearest member, and its <paramref name="nearestCount"/> nearest members, closest first.
    /// An empty set answers +∞ and no members.
    /// </summary>
    /// <param name="k">1 ≤ K ≤ max(1, |V|).</param>
    /// <param name="nearestCount">0 ≤ count ≤ |V|.</param>
    public IReadOnlyList<FailureDistance> Search(IReadOnlyList<float[]> features, int k, int nearestCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Max(1, Count));
        ArgumentOutOfRangeException.ThrowIfNegative(nearestCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nearestCount, Count);
        if (Count == 0)
        {
            return [.. features.Select(_ => new FailureDistance(double.PositiveInfinity, []))];
        }
        var queries = NormalizedQueries(features);
        var answers = new FailureDistance[features.Count];
        var wanted = new Wanted(k, nearestCount);
        Answer(queries, [.. Enumerable.Range(0, features.Count)], Math.Min(Count, wanted.Rank + ExtraCandidates), wanted, answers);
        return answers;
    }

    public void Dispose()
    {
        _disposed = true;
        _members?.Dispose();
        _squaredNormTensor?.Dispose();
    }

    /// <summary>At most as many threads as TorchSharp's intra-op setting, so the whole search keeps to one thread budget.</summary>
    private static ParallelOptions Threads() => new() { MaxDegreeOfParallelism = get_num_threads() };

    private static double RankingErrorBound(int dimension, double largestSquaredNorm) =>
        (dimension + 8) * Float32UnitRoundoff * Math.Pow(1 + Math.Sqrt(largestSquaredNorm), 2);

    private double[] NormalizedQueries(IReadOnlyList<float[]> features)
    {
        var queries = new double[features.Count * Dimension];
        for (var q = 0; q < features.Count; q++)
        {
            var feature = features[q];
            if (feature.Length != Dimension)
            {
                throw new ArgumentException($"Query {q} has {feature.Length} dimensions but the set has {Dimension}.", nameof(features));
            }
            var norm = Math.Sqrt(DoublePrecision.SquaredNorm(feature));
            if (!(norm > 0 && double.IsFinite(norm)))
            {
                throw new ArgumentException($"Query {q} is the zero vector or not finite and has no direction.", nameof(features));
            }
            for (var j = 0; j < Dimension; j++)
            {
                queries[q * Dimension + j] = feature[j] / norm;
            }
        }
        return queries;
    }

    /// <summary>
    /// Ranks <paramref name="candidates"/> members for each of the <paramref name="pending"/> queries (in groups that
    /// keep the candidates within the chunk bound), answers those whose candidates settle the K-th distance, and ranks
    /// the rest again with twice as many.
    /// </summary>
    private void Answer(double[] queries, int[] pending, int candidates, Wanted wanted, FailureDistance[] answers)
    {
        var unsettled = new ConcurrentBag<int>();
        var groupSize = (int)Math.Clamp(_maxScoresPerChunk / candidates, 1, pending.Length);
        foreach (var group in pending.Chunk(groupSize))
        {
            var rows = Float32Rows(queries, group);
            var (scores, members) = group.Length == 1
                ? MemberScan.Nearest(_failures.Features, _squaredNorms, rows, candidates, get_num_threads())
                : CandidateRanking.Nearest(_members!, _squaredNormTensor!, rows, candidates, _maxScoresPerChunk);
            Parallel.For(0, group.Length, Threads(), row =>
            {
                var query = queries.AsSpan(group[row] * Dimension, Dimension);
                var answer = TryAnswer(query, scores.AsSpan(row * candidates, candidates), members.AsSpan(row * candidates, candidates), wanted);
                if (answer is null)
                {
                    unsettled.Add(group[row]);
                }
                else
                {
                    answers[group[row]] = answer;
                }
            });
        }
        if (!unsettled.IsEmpty)
        {
            Answer(queries, [.. unsettled.Order()], Math.Min(Count, 2 * candidates), wanted, answers);
        }
    }

    private float[] Float32Rows(double[] queries, int[] rows)
    {
        var values = new float[rows.Length * Dimension];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < Dimension; j++)
            {
                values[r * Dimension + j] = (float)queries[rows[r] * Dimension + j];
            }
        }
        return values;
    }

    /// <summary>
    /// The answer from one query's ranked candidates, or null when they cannot settle it: when members outside them
    /// may lie within the rounding band of the K-th. Every candidate inside the band is re-scored in double precision.
    /// </summary>
    private FailureDistance? TryAnswer(ReadOnlySpan<double> query, ReadOnlySpan<float> scores, ReadOnlySpan<long> members, Wanted wanted)
    {
        var ranked = scores.ToArray();
        var rankedMembers = members.ToArray();
        Array.Sort(ranked, rankedMembers);
        var band = ranked[wanted.Rank - 1] + 2 * RankingError;
        if (ranked.Length < Count && ranked[^1] <= band)
        {
            return null;
        }
        var inBand = 0;
        while (inBand < ranked.Length && ranked[inBand] <= band)
        {
            inBand++;
        }
        var exact = new (double Distance, int Member)[inBand];
        for (var i = 0; i < inBand; i++)
        {
            var member = (int)rankedMembers[i];
            exact[i] = (DoublePrecision.SquaredDistance(query, _failures.Row(member)), member);
        }
        Array.Sort(exact);
        return new FailureDistance(
            exact[wanted.K - 1].Distance,
            [.. exact.Take(wanted.NearestCount).Select(n => new NearbyFailure(_failures.SampleIds[n.Member], _failures.Labels[n.Member], n.Distance))]);
    }

    /// <summary>What a search asks for: the K-th distance and the nearest members; <see cref="Rank"/> must be settled.</summary>
    private sealed record Wanted(int K, int NearestCount)
    {
        public int Rank => Math.Max(K, NearestCount);
    }
}
