using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vrf.Serving.Failures;

/// <summary>
/// The float32 ranking of a single query (the failure-index service looks images up one at a time): the set is scanned
/// row by row with SIMD dot products, in blocks on the thread pool, each block keeping its best candidates in a bounded
/// heap. Blocks are handed out as threads come free, so on a busy machine a thread that is descheduled does not hold
/// the others up at a barrier, as a statically split matrix-vector product would. Scores and their rounding bound are
/// those of <see cref="CandidateRanking"/>: ‖v‖² − 2·q·v in float32.
/// </summary>
internal static class MemberScan
{
    /// <summary>Members per block: 2 MiB of features at 512 dimensions.</summary>
    private const int BlockRows = 1024;

    private static readonly Comparer<float> LargestFirst = Comparer<float>.Create((x, y) => y.CompareTo(x));

    /// <param name="members">The failure set, row after row.</param>
    /// <param name="squaredNorms">‖v‖² of every member.</param>
    /// <param name="query">The L2-normalised query in float32.</param>
    /// <param name="count">Candidates to keep, 1 ≤ count ≤ |V|.</param>
    /// <param name="threads">The most threads to scan with.</param>
    /// <returns><paramref name="count"/> scores and the members they belong to, in no order.</returns>
    public static (float[] Scores, long[] Members) Nearest(float[] members, float[] squaredNorms, float[] query, int count, int threads)
    {
        var setSize = squaredNorms.Length;
        var blocks = new (float Score, int Member)[(setSize + BlockRows - 1) / BlockRows][];
        Parallel.For(0, blocks.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
            blocks[block] = Best(members, squaredNorms, query, block * BlockRows, Math.Min(setSize, (block + 1) * BlockRows), count));
        var candidates = blocks.SelectMany(best => best).ToArray();
        Array.Sort(candidates);
        var kept = candidates.AsSpan(0, count);
        var scores = new float[count];
        var rows = new long[count];
        for (var i = 0; i < count; i++)
        {
            (scores[i], rows[i]) = kept[i];
        }
        return (scores, rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float Score, int Member)[] Best(float[] members, float[] squaredNorms, float[] query, int start, int end, int count)
    {
        var dimension = query.Length;
        var best = new PriorityQueue<int, float>(count + 1, LargestFirst);
        for (var row = start; row < end; row++)
        {
            var score = squaredNorms[row] - 2 * Dot(query, members.AsSpan(row * dimension, dimension));
            if (best.Count < count)
            {
                best.Enqueue(row, score);
            }
            else if (best.TryPeek(out _, out var worst) && score < worst)
            {
                best.DequeueEnqueue(row, score);
            }
        }
        return [.. best.UnorderedItems.Select(item => (item.Priority, item.Element))];
    }

    /// <summary>q·v in float32, four SIMD accumulators wide.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Dot(ReadOnlySpan<float> query, ReadOnlySpan<float> member)
    {
        var left = MemoryMarshal.Cast<float, Vector<float>>(query);
        var right = MemoryMarshal.Cast<float, Vector<float>>(member);
        Vector<float> first = default, second = default, third = default, fourth = default;
        var i = 0;
        for (; i + 3 < left.Length; i += 4)
        {
            first += left[i] * right[i];
            second += left[i + 1] * right[i + 1];
            third += left[i + 2] * right[i + 2];
            fourth += left[i + 3] * right[i + 3];
        }
        for (; i < left.Length; i++)
        {
            first += left[i] * right[i];
        }
        var sum = Vector.Sum(first + second + third + fourth);
        for (var j = left.Length * Vector<float>.Count; j < query.Length; j++)
        {
            sum += query[j] * member[j];
        }
        return sum;
    }
}
