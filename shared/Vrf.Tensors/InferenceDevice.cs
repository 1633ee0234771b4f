using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Vrf.Tensors;

/// <summary>Turns a configured device name (<c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>) into a TorchSharp device that exists here.</summary>
public static class InferenceDevice
{
    private const string CudaPrefix = "cuda:";

    public static Device Parse(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var name = setting.Trim().ToLowerInvariant();
        if (name == "cpu")
        {
            return CPU;
        }
        if (name == "cuda")
        {
            return Cuda(setting, 0);
        }
        if (name.StartsWith(CudaPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(CudaPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return Cuda(setting, index);
        }
        throw new ArgumentException($"Device '{setting}' is not understood; use cpu, cuda or cuda:N.", nameof(setting));
    }

    private static Device Cuda(string setting, int index)
    {
        if (!cuda.is_available())
        {
            throw new InvalidOperationException(
                $"Device '{setting}' was requested but CUDA is not available here (no GPU, or a CPU-only libtorch); use 'cpu'.");
        }
        var count = cuda.device_count();
        if (index >= count)
        {
            throw new InvalidOperationException(
                $"Device '{setting}' was requested but only {count} CUDA device(s) are present (cuda:0 to cuda:{count - 1}).");
        }
        return new Device(DeviceType.CUDA, index);
    }
}
