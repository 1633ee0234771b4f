namespace Vrf.Tensors;

/// <summary>Writes a tensor shape the way error messages show it: <c>[64, 3, 8, 8]</c>.</summary>
public static class ShapeFormat
{
    public static string Of(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
