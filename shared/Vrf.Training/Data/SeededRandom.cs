namespace Vrf.Training.Data;

/// <summary>
/// A SplitMix64 stream started from a seed and a list of keys (stage, epoch, sample…): every draw of a run is a pure
/// function of where it happens, so a resumed run draws what the uninterrupted one drew, with no generator state to save.
/// </summary>
internal sealed class SeededRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong _state;

    private SeededRandom(ulong state) => _state = state;

    public static SeededRandom For(int seed, params ReadOnlySpan<long> keys)
    {
        var state = Mix(unchecked((ulong)seed) + Golden);
        foreach (var key in keys)
        {
            state = Mix(state ^ Mix(unchecked((ulong)key) + Golden));
        }
        return new SeededRandom(state);
    }

    public ulong NextUInt64()
    {
        _state = unchecked(_state + Golden);
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform among the integers 0 … <paramref name="count"/> − 1.</summary>
    public int Below(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)Math.BigMul(NextUInt64(), (ulong)count, out _);
    }

    /// <summary>A uniformly random order of 0 … <paramref name="count"/> − 1 (Fisher–Yates).</summary>
    public int[] Permutation(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = Below(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
