using Vrf.Clip.Modeling;
using static TorchSharp.torch;

namespace Vrf.Cli.Commands.Bench;

/// <summary>The TorchSharp encoders' throughput: images per second at each batch size, prompts per second at one.</summary>
public sealed record EncoderThroughput(IReadOnlyDictionary<int, Throughput> Images, Throughput Text)
{
    /// <summary>Times <see cref="ClipModel.GetImageFeatures"/> and <see cref="ClipModel.GetTextFeatures"/> under no_grad, each run in its own dispose scope.</summary>
    public static EncoderThroughput Measure(ClipModel model, IReadOnlyList<int> imageBatches, int textBatch,
        double minimumSeconds, Action<string> progress)
    {
        using var noGrad = no_grad();
        var device = model.Device;
        var images = new Dictionary<int, Throughput>();
        foreach (var batch in imageBatches)
        {
            progress($"TorchSharp image encoder, batch {batch}");
            using var pixels = BenchInputs.Pixels(model.Config.Vision, batch, device);
            images[batch] = Throughput.Measure(() =>
            {
                using var scope = NewDisposeScope();
                model.GetImageFeatures(pixels);
                DeviceCompletion.Wait(device);
            }, batch, minimumSeconds);
        }
        progress($"TorchSharp text encoder, batch {textBatch}");
        using var prompts = BenchInputs.Prompts(model.Config.Text, textBatch, device);
        var text = Throughput.Measure(() =>
        {
            using var scope = NewDisposeScope();
            model.GetTextFeatures(prompts);
            DeviceCompletion.Wait(device);
        }, textBatch, minimumSeconds);
        return new EncoderThroughput(images, text);
    }
}
