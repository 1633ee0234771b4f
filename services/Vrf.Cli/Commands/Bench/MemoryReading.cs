using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>One look at memory: resident bytes (null without <c>/proc</c>) and TorchSharp tensors not yet disposed.</summary>
public sealed record MemoryReading(long? ResidentBytes, long LiveTensors)
{
    public static MemoryReading Now() => new(ResidentMemory.Bytes(), Tensor.TotalCount);
}
