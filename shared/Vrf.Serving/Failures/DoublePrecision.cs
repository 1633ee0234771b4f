using System.Numerics;
using System.Runtime.CompilerServices;

namespace Vrf.Serving.Failures;

/// <summary>
/// Sums over float32 feature rows carried out in double precision, as the core library's exact index does; compiled
/// fully optimised from the first call (they are the search's inner loops).
/// </summary>
internal static class DoublePrecision
{
    /// <summary>‖v‖², every product and sum in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredNorm(ReadOnlySpan<float> row)
    {
        var sums = Vector<double>.Zero;
        var i = 0;
        for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(row[i..]), out var low, out var high);
            sums += low * low + high * high;
        }
        var sum = Vector.Sum(sums);
        for (; i < row.Length; i++)
        {
            sum += (double)row[i] * row[i];
        }
        return sum;
    }

    /// <summary>‖q − v‖² for a double query and a float32 member, every difference, product and sum in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double SquaredDistance(ReadOnlySpan<double> query, ReadOnlySpan<float> member)
    {
        if (query.Length != member.Length)
        {
            throw new ArgumentException($"A query of {query.Length} values cannot be compared with a member of {member.Length}.", nameof(member));
        }
        var sums = Vector<double>.Zero;
        var i = 0;
        for (; i <= member.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(member[i..]), out var low, out var high);
            var lowDifference = new Vector<double>(query[i..]) - low;
            var highDifference = new Vector<double>(query[(i + Vector<double>.Count)..]) - high;
            sums += lowDifference * lowDifference + highDifference * highDifference;
        }
        var sum = Vector.Sum(sums);
        for (; i < member.Length; i++)
        {
            var difference = query[i] - member[i];
            sum += difference * difference;
        }
        return sum;
    }
}
