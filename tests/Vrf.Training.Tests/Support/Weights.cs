using Vrf.Tensors;

namespace Vrf.Training.Tests.Support;

/// <summary>Compares the tensors of safetensors files by name.</summary>
public static class Weights
{
    /// <summary>The largest absolute difference over the tensors whose names pass <paramref name="include"/>.</summary>
    public static double MaxAbsDifference(string left, string right, Func<string, bool> include)
    {
        using var a = SafeTensorsFile.Open(left);
        using var b = SafeTensorsFile.Open(right);
        var names = a.Tensors.Keys.Where(include).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Order(StringComparer.Ordinal), b.Tensors.Keys.Where(include).Order(StringComparer.Ordinal));
        var max = 0.0;
        foreach (var name in names)
        {
            using var x = a.Read(name).to(TorchSharp.torch.ScalarType.Float64);
            using var y = b.Read(name).to(TorchSharp.torch.ScalarType.Float64);
            using var difference = (x - y).abs().max();
            max = Math.Max(max, difference.item<double>());
        }
        return max;
    }

    public static bool IsTower(string name) => name.StartsWith("vision_model.", StringComparison.Ordinal) || name == "visual_projection.weight";

    public static bool IsTextTower(string name) => !IsTower(name);
}
