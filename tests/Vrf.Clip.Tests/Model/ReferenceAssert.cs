using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

/// <summary>Compares TorchSharp tensors with the reference tensors of an <c>expected.json</c>, within its tolerances.</summary>
public static class ReferenceAssert
{
    public static TensorComparison Matches(ExpectedTensors expected, string name, Tensor actual, ITestOutputHelper? output = null)
    {
        var comparison = expected.Compare(name, actual.shape, TensorAssert.Values(actual));
        output?.WriteLine(comparison.Describe());
        Assert.True(comparison.Passed, comparison.Describe());
        return comparison;
    }
}
