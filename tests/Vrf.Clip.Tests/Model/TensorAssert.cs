using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public static class TensorAssert
{
    /// <summary>Same shape, same element type, bit-for-bit the same values.</summary>
    public static void Identical(Tensor expected, Tensor actual, string? name = null)
    {
        var label = name is null ? "" : $"'{name}': ";
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{label}shape {ShapeFormat.Of(actual.shape)} differs from {ShapeFormat.Of(expected.shape)}");
        Assert.True(expected.dtype == actual.dtype, $"{label}dtype {actual.dtype} differs from {expected.dtype}");
        using var same = expected.cpu().eq(actual.cpu()).all();
        Assert.True(same.item<bool>(), $"{label}values differ");
    }

    /// <summary>The values of any tensor as float64, row-major.</summary>
    public static double[] Values(Tensor tensor)
    {
        using var values = tensor.detach().cpu().to(ScalarType.Float64).contiguous();
        return values.data<double>().ToArray();
    }
}
