namespace Vrf.Testing;

/// <summary>One reference tensor of an oracle file: row-major data with its shape and element type.</summary>
public sealed record ExpectedTensor(string Name, long[] Shape, string DType, double[] Data)
{
    public bool IsInteger => DType.StartsWith("int", StringComparison.Ordinal) || DType.StartsWith("uint", StringComparison.Ordinal);

    public float[] AsSingles() => Array.ConvertAll(Data, d => (float)d);

    public long[] AsInt64s() => Array.ConvertAll(Data, d => checked((long)d));

    /// <summary>The data of one index along the first dimension (e.g. one image of a batch).</summary>
    public ArraySegment<double> Row(int index)
    {
        var rowLength = Data.Length / (int)Shape[0];
        return new ArraySegment<double>(Data, index * rowLength, rowLength);
    }

    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
