using Vrf.Clip;
using Vrf.Clip.Configuration;
using Vrf.Clip.Modeling;
using Vrf.Clip.Weights;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// A temporary Hugging Face folder holding a CLIP of openai/clip-vit-base-patch32's size with seeded random weights,
/// so that TorchSharp and the PyTorch peer load the very same model. Deleted on dispose.
/// </summary>
public sealed class RandomVitB32Folder : IDisposable
{
    public const string Name = "ViT-B/32 (random weights)";
    private const long Seed = 0;

    public static ClipConfig Config { get; } = new()
    {
        ProjectionDim = 512,
        Vision = new ClipVisionConfig
        {
            HiddenSize = 768, NumHiddenLayers = 12, NumAttentionHeads = 12, IntermediateSize = 3072,
            PatchSize = 32, ImageSize = 224, ProjectionDim = 512, HiddenAct = "quick_gelu",
        },
        Text = new ClipTextConfig
        {
            HiddenSize = 512, NumHiddenLayers = 12, NumAttentionHeads = 8, IntermediateSize = 2048,
            VocabSize = 49408, MaxPositionEmbeddings = 77, ProjectionDim = 512, HiddenAct = "quick_gelu",
        },
    };

    private RandomVitB32Folder(string directory) => Directory = directory;

    public string Directory { get; }

    public static RandomVitB32Folder Create()
    {
        var folder = new RandomVitB32Folder(System.IO.Directory.CreateTempSubdirectory("vrf-bench-vit-b32-").FullName);
        try
        {
            using var model = new ClipModel(Config);
            RandomClipWeights.Fill(model, Seed);
            ClipModelFolder.Save(model, folder.Directory);
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
