namespace Vrf.Testing;

/// <summary>One reference tensor of an oracle file: row-major data with its shape and element type.</summary>
public sealed record ExpectedTensor(string Name, long[] Shape, string DType, double[] Data)
{
    public bool IsInteger => DType.StartsWith("int", StringComparison.Ordinal) || DType.StartsWith("uint", StringComparison.Ordinal);

    public float[] AsSingles() => Array.ConvertAll(Data, d => (float)d);

    public long[] AsInt64s() => Array.ConvertAll(Data, d => checked((long)d));

    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
