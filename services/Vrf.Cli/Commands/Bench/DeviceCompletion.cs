using TorchSharp;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Waits for queued accelerator work, so that a timed run ends when its work does (CPU work is already done).</summary>
public static class DeviceCompletion
{
    public static void Wait(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }
}
