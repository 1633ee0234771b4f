using Vrf.Clip.Modeling;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Resident memory and live TorchSharp tensors while the image encoder runs many batches, read before the first
/// batch, after a few warm-up batches and after the last: flat memory is what a long-running worker needs.
/// </summary>
public sealed record MemoryTrace(int Batches, int BatchSize, MemoryReading Start, MemoryReading AfterWarmUp, MemoryReading End)
{
    public const int ImagesPerBatch = 8;
    public const int WarmUpBatches = 3;

    /// <summary>Resident growth from the end of the warm-up to the end, in bytes.</summary>
    public long? Growth => End.ResidentBytes - AfterWarmUp.ResidentBytes;

    public static MemoryTrace Run(ClipModel model, int batches, Action<string> progress)
    {
        using var noGrad = no_grad();
        var device = model.Device;
        var start = MemoryReading.Now();
        using var pixels = BenchInputs.Pixels(model.Config.Vision, ImagesPerBatch, device);
        void Batch()
        {
            using var scope = NewDisposeScope();
            model.GetImageFeatures(pixels);
            DeviceCompletion.Wait(device);
        }
        for (var i = 0; i < WarmUpBatches; i++)
        {
            Batch();
        }
        var afterWarmUp = MemoryReading.Now();
        for (var i = 1; i <= batches; i++)
        {
            if (i % 50 == 1)
            {
                progress($"Memory: batch {i} of {batches}");
            }
            Batch();
        }
        return new MemoryTrace(batches, ImagesPerBatch, start, afterWarmUp, MemoryReading.Now());
    }
}
