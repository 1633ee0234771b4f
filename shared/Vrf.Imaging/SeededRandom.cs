namespace Vrf.Imaging;

/// <summary>
/// A SplitMix64 stream started from a seed and keys (split, image index, training stage, epoch…): every draw is a pure
/// function of where it happens, so an image's corruption or augmentation does not depend on what was drawn before it,
/// and a resumed or parallel run draws what an uninterrupted one drew, with no generator state to save.
/// </summary>
public sealed class SeededRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private ulong state;

    private SeededRandom(ulong state) => this.state = state;

    public static SeededRandom For(int seed, params ReadOnlySpan<long> keys)
    {
        var mixed = Mix(unchecked((ulong)seed) + Golden);
        foreach (var key in keys)
        {
            mixed = Mix(mixed ^ Mix(unchecked((ulong)key) + Golden));
        }
        return new SeededRandom(mixed);
    }

    public ulong NextUInt64()
    {
        state = unchecked(state + Golden);
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform among 0 … <paramref name="count"/> − 1.</summary>
    public int Below(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)Math.BigMul(NextUInt64(), (ulong)count, out _);
    }

    /// <summary>−1 or +1 with equal chance.</summary>
    public int Sign() => Below(2) == 0 ? -1 : 1;

    /// <summary>A Poisson draw with mean <paramref name="mean"/> (Knuth's product of uniforms; meant for small means).</summary>
    public int Poisson(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = NextDouble(); product > limit; product *= NextDouble())
        {
            count++;
        }
        return count;
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
