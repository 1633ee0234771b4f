namespace Vrf.Clip.Inspection;

/// <summary>One stage's output in the oracle layout: shape, element type (<c>float32</c> or <c>int64</c>) and row-major data.</summary>
public sealed record InspectedTensor(string Name, long[] Shape, string DType, double[] Data)
{
    public const string Float32 = "float32";
    public const string Int64 = "int64";
}
