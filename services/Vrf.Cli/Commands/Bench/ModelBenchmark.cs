using Vrf.Clip.Configuration;

namespace Vrf.Cli.Commands.Bench;

/// <summary>Everything measured on one CLIP model folder.</summary>
/// <param name="Name">What the tables call it.</param>
/// <param name="Folder">The Hugging Face folder both sides loaded.</param>
/// <param name="Shape">Widths and depths of both towers, for the reader.</param>
/// <param name="Figures">Throughput rows: the image encoder at each batch size, then the text encoder.</param>
/// <param name="Memory">The resident-memory trace, or null when skipped.</param>
/// <param name="PeerNote">What went wrong with the PyTorch peer on this model (it failed, or ran with other threads), or null.</param>
public sealed record ModelBenchmark(
    string Name, string Folder, string Shape, IReadOnlyList<EncoderFigures> Figures, MemoryTrace? Memory, string? PeerNote)
{
    public static ModelBenchmark From(BenchTarget target, ClipConfig config, EncoderThroughput torchSharp,
        PeerMeasurement? pyTorch, string? peerNote, MemoryTrace? memory, MatmulRate matmul)
    {
        var perImage = ClipFlops.PerImage(config);
        var figures = torchSharp.Images
            .Select(image => new EncoderFigures("image", image.Key, image.Value.ItemsPerSecond,
                image.Value.MedianItemsPerSecond, pyTorch?.Image.GetValueOrDefault(image.Key), perImage, matmul.GflopsPerSecond))
            .Append(new EncoderFigures("text", torchSharp.Text.ItemsPerRun, torchSharp.Text.ItemsPerSecond,
                torchSharp.Text.MedianItemsPerSecond, pyTorch?.Text, ClipFlops.PerPrompt(config, config.Text.MaxPositionEmbeddings), matmul.GflopsPerSecond))
            .ToList();
        return new ModelBenchmark(target.Name, target.Folder, ShapeOf(config), figures, memory, peerNote);
    }

    private static string ShapeOf(ClipConfig config)
    {
        var (vision, text) = (config.Vision, config.Text);
        return $"image {vision.ImageSize}px, patch {vision.PatchSize}, width {vision.HiddenSize} × {vision.NumHiddenLayers} layers; " +
            $"text {text.MaxPositionEmbeddings} tokens, width {text.HiddenSize} × {text.NumHiddenLayers} layers; " +
            $"{ClipFlops.PerImage(config) / 1e9:0.###} GFLOP/image, " +
            $"{ClipFlops.PerPrompt(config, text.MaxPositionEmbeddings) / 1e9:0.###} GFLOP/prompt";
    }
}
