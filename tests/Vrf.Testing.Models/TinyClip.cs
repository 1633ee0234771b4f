using Vrf.Clip;
using Vrf.Clip.Preprocessing;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Tensors;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Testing.Models;

/// <summary>The clip-tiny fixture as a zero-shot model, and "fine-tuned" copies of it made by perturbing its image tower.</summary>
public static class TinyClip
{
    public static string ZeroShotFolder { get; } = RepositoryPaths.Fixture("clip-tiny");

    /// <summary>
    /// Copies clip-tiny into <paramref name="folder"/> with seeded noise added to every vision weight, so the copy sees
    /// images differently while its text tower, tokenizer and preprocessing stay the zero-shot model's.
    /// </summary>
    public static void WritePerturbedCopy(string folder, int seed, double scale = 0.05)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in CompanionFiles)
        {
            File.Copy(Path.Combine(ZeroShotFolder, file), Path.Combine(folder, file));
        }
        using var model = ClipModelFolder.Load(ZeroShotFolder);
        var generator = new TorchSharp.torch.Generator((ulong)seed);
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters().Where(p => p.name.StartsWith("vision_model.", StringComparison.Ordinal)))
            {
                using var noise = HeldScalar.With(scale, randn(parameter.shape, generator: generator).mul);
                parameter.add_(noise);
            }
        }
        ClipModelFolder.Save(model, folder);
    }

    /// <summary>
    /// A head in the zero-shot head format whose class directions are the mean normalised features of each class's
    /// training images under <paramref name="modelFolder"/>'s image tower: a nearest-centroid classifier, right on
    /// most of the training images, like a fine-tuned head.
    /// </summary>
    public static void WriteCentroidHead(string modelFolder, string trainFolder, IReadOnlyList<string> classNames, string path)
    {
        using var model = ClipModelFolder.Load(modelFolder);
        var processor = ClipImageProcessor.FromFolder(modelFolder);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var centroids = classNames.Select(name =>
        {
            var images = Directory.EnumerateFiles(Path.Combine(trainFolder, name)).Order(StringComparer.Ordinal)
                .Select(file => processor.Preprocess(File.ReadAllBytes(file), file)).ToList();
            var features = model.GetImageFeatures(PreprocessedImage.ToBatch(images));
            return nn.functional.normalize(features, dim: 1).mean([0]);
        }).ToList();
        using var head = ZeroShotHead.FromTemplateEmbeddings(stack(centroids), classNames.Count, 1, model.LogitScale);
        head.Save(path);
    }

    /// <summary>The files of a CLIP folder besides config.json and model.safetensors: tokenizer and preprocessing.</summary>
    public static IReadOnlyList<string> CompanionFiles { get; } =
        ["vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json", "preprocessor_config.json"];
}
