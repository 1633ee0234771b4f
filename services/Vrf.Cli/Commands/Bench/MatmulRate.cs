using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>The machine's dense float32 matrix-product rate, the yardstick for the encoders' efficiency.</summary>
/// <param name="Size">The side of the square matrices multiplied.</param>
/// <param name="GflopsPerSecond">2·n³ FLOPs over the fastest product's time, in GFLOP/s.</param>
public sealed record MatmulRate(int Size, double GflopsPerSecond)
{
    public static MatmulRate Measure(int size, Device device, double minimumSeconds)
    {
        using var noGrad = no_grad();
        using var left = randn(size, size, device: device);
        using var right = randn(size, size, device: device);
        var throughput = Throughput.Measure(() =>
        {
            using var product = left.matmul(right);
            DeviceCompletion.Wait(device);
        }, 1, minimumSeconds);
        return new MatmulRate(size, 2.0 * size * size * size * throughput.ItemsPerSecond / 1e9);
    }
}
