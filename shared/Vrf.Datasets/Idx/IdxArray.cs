namespace Vrf.Datasets.Idx;

/// <summary>An unsigned-byte array read from an IDX file: its dimensions and its values in row-major order.</summary>
public sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Values)
{
    /// <summary>The size of the first dimension (images or labels).</summary>
    public int Count => Dimensions[0];

    /// <summary>The values of one item of the first dimension (an image's pixels).</summary>
    public ReadOnlySpan<byte> Item(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var size = Values.Length / Count;
        return Values.AsSpan(index * size, size);
    }
}
