using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Serving.Failures;

/// <summary>
/// The float32 ranking of a batch of queries: for each, the members with the smallest ranking scores ‖v‖² − 2·q·v (the
/// squared distance less the query's constant ‖q‖²). The set is scored a chunk of members at a time by one matrix
/// product, each chunk's best are kept with top-k, and the kept candidates are merged chunk after chunk, so that at most
/// <c>maxScoresPerChunk</c> scores exist at once. (A single query is scanned by <see cref="MemberScan"/> instead.)
/// </summary>
internal static class CandidateRanking
{
    /// <param name="members">The failure set, [|V|, D] float32.</param>
    /// <param name="squaredNorms">‖v‖² of every member, [|V|] float32.</param>
    /// <param name="queries">L2-normalised queries in float32, row after row.</param>
    /// <param name="count">Candidates per query, 1 ≤ count ≤ |V|.</param>
    /// <param name="maxScoresPerChunk">Scores computed at once, queries × members; a chunk holds at least <paramref name="count"/> members.</param>
    /// <returns>For each query in turn, <paramref name="count"/> scores and the members they belong to, in no order.</returns>
    public static (float[] Scores, long[] Members) Nearest(Tensor members, Tensor squaredNorms, float[] queries, int count, long maxScoresPerChunk)
    {
        var setSize = members.shape[0];
        var dimension = members.shape[1];
        var rows = queries.Length / dimension;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = tensor(queries, [rows, dimension], ScalarType.Float32);
        var chunkMembers = Math.Clamp(maxScoresPerChunk / rows, count, setSize);
        Tensor? bestScores = null;
        Tensor? bestMembers = null;
        for (long start = 0; start < setSize; start += chunkMembers)
        {
            using var chunkScope = NewDisposeScope();
            var size = Math.Min(chunkMembers, setSize - start);
            var chunk = members.narrow(0, start, size);
            var norms = squaredNorms.narrow(0, start, size);
            var scores = addmm(norms.unsqueeze(0), batch, chunk.t(), beta: 1, alpha: -2);
            var (chunkScores, chunkMembersAt) = scores.topk((int)Math.Min(count, size), dim: 1, largest: false, sorted: false);
            var chunkIndices = HeldScalar.With(start, chunkMembersAt.add);
            Tensor keptScores, keptMembers;
            if (bestScores is null)
            {
                (keptScores, keptMembers) = (chunkScores, chunkIndices);
            }
            else
            {
                var (merged, at) = cat([bestScores, chunkScores], 1).topk(count, dim: 1, largest: false, sorted: false);
                (keptScores, keptMembers) = (merged, cat([bestMembers!, chunkIndices], 1).gather(1, at));
            }
            bestScores?.Dispose();
            bestMembers?.Dispose();
            bestScores = keptScores.MoveToOuterDisposeScope();
            bestMembers = keptMembers.MoveToOuterDisposeScope();
        }
        return (bestScores!.data<float>().ToArray(), bestMembers!.data<long>().ToArray());
    }
}
