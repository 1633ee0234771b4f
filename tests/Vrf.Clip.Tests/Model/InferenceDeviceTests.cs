using TorchSharp;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class InferenceDeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_is_always_available(string setting)
    {
        Assert.Equal(DeviceType.CPU, InferenceDevice.Parse(setting).type);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:1")]
    public void Cuda_gives_the_numbered_gpu_when_one_is_present(string setting)
    {
        if (!cuda.is_available())
        {
            Assert.Skip("No CUDA device here.");
        }
        if (setting.EndsWith(":1", StringComparison.Ordinal) && cuda.device_count() < 2)
        {
            Assert.Throws<InvalidOperationException>(() => InferenceDevice.Parse(setting));
            return;
        }
        var device = InferenceDevice.Parse(setting);
        Assert.Equal(DeviceType.CUDA, device.type);
        Assert.Equal(setting.EndsWith(":1", StringComparison.Ordinal) ? 1 : 0, device.index);
    }

    [Fact]
    public void Cuda_without_a_gpu_is_a_clear_error()
    {
        if (cuda.is_available())
        {
            Assert.Skip("CUDA is available here.");
        }

        var error = Assert.Throws<InvalidOperationException>(() => InferenceDevice.Parse("cuda"));

        Assert.Contains("CUDA is not available", error.Message);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    public void An_unknown_device_name_is_refused(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => InferenceDevice.Parse(setting));

        Assert.Contains(setting, error.Message);
    }
}
