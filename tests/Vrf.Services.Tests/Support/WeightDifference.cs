using TorchSharp;
using Vrf.Tensors;

namespace Vrf.Services.Tests.Support;

/// <summary>How far apart two safetensors files' weights are.</summary>
public static class WeightDifference
{
    /// <summary>The largest absolute difference over every tensor of two files that hold the same names and shapes.</summary>
    public static double Max(string first, string second)
    {
        using var a = SafeTensorsFile.Open(first);
        using var b = SafeTensorsFile.Open(second);
        Assert.Equal(a.Tensors.Keys.Order(StringComparer.Ordinal), b.Tensors.Keys.Order(StringComparer.Ordinal));
        var max = 0.0;
        foreach (var name in a.Tensors.Keys)
        {
            using var scope = torch.NewDisposeScope();
            var x = a.Read(name).to(torch.float64);
            var y = b.Read(name).to(torch.float64);
            Assert.Equal(x.shape, y.shape);
            if (x.numel() > 0)
            {
                max = Math.Max(max, (x - y).abs().max().item<double>());
            }
        }
        return max;
    }
}
