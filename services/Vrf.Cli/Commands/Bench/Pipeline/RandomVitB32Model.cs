using System.Text.Json.Nodes;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Cli.Commands.Bus;
using Vrf.Cli.Commands.Models;
using Vrf.Serving.Import;
using Vrf.Serving.Store;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// The compute-bound model of <c>vrf bench pipeline --vit-b32</c>: the ViT-B/32-sized CLIP with random weights that
/// <c>vrf bench clip</c> measures (<see cref="RandomVitB32Folder"/>), given the clip-tiny fixture's CLIP tokenizer and a
/// 224-pixel preprocessor, imported as both the zero-shot and the fine-tuned model of <see cref="Name"/> into a model
/// store of its own and indexed on the benchmark's images (split between two classes), as <c>vrf models import</c>
/// does with the services in this process. The store is deleted on dispose; the user's is never touched.
/// </summary>
public sealed class RandomVitB32Model : IDisposable
{
    public const string Name = "vit-b32";
    private const int ImageSize = 224;
    private const string FixtureFolder = "tests/fixtures/clip-tiny";
    private static readonly string[] TokenizerFiles = ["vocab.json", "merges.txt", "special_tokens_map.json", "tokenizer_config.json"];
    private static readonly string[] ClassNames = ["class-a", "class-b"];

    private readonly string _root;

    private RandomVitB32Model(string root) => _root = root;

    /// <summary>The model store that holds the model.</summary>
    public string Store => Path.Combine(_root, "models");

    public ModelReference Model { get; } = new(Name, null);

    /// <exception cref="DirectoryNotFoundException">The clip-tiny fixture (for its tokenizer) is not above the working directory.</exception>
    public static async Task<RandomVitB32Model> CreateAsync(Terminal terminal, IReadOnlyList<byte[]> images, string? device,
        CancellationToken cancellationToken)
    {
        var fixture = RepositoryFiles.Find(FixtureFolder)
            ?? throw new DirectoryNotFoundException($"{FixtureFolder} (the CLIP tokenizer) was not found above {Directory.GetCurrentDirectory()}; run from the repository.");
        var model = new RandomVitB32Model(Directory.CreateTempSubdirectory("vrf-bench-vit-b32-").FullName);
        try
        {
            terminal.Error.WriteLine($"Writing a {RandomVitB32Folder.Name} CLIP as model '{Name}' in {model.Store}...");
            using var folder = RandomVitB32Folder.Create();
            AddTokenizerAndPreprocessor(fixture, folder.Directory);
            var classes = Path.Combine(model._root, "classes.txt");
            File.WriteAllLines(classes, ClassNames);
            var train = model.WriteTrainingImages(images);
            var templates = Path.Combine(model._root, "templates.txt");
            File.WriteAllText(templates, "a photo of a {}.\n");
            var settings = new BusSettings { Bus = "memory", Store = model.Store, Device = device };
            await VersionIndexing.CreateAndIndexAsync(terminal, settings, device, timeout: null, serving =>
            {
                var imported = serving.GetRequiredService<ModelImporter>()
                    .Import(new ModelImportRequest(Name, folder.Directory, folder.Directory, classes, train, Templates: templates));
                return (imported, $"Imported {imported.Id}");
            }, cancellationToken);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void AddTokenizerAndPreprocessor(string fixture, string folder)
    {
        foreach (var file in TokenizerFiles)
        {
            File.Copy(Path.Combine(fixture, file), Path.Combine(folder, file));
        }
        var preprocessor = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture, "preprocessor_config.json")))!;
        preprocessor["crop_size"] = new JsonObject { ["height"] = ImageSize, ["width"] = ImageSize };
        preprocessor["size"] = new JsonObject { ["shortest_edge"] = ImageSize };
        File.WriteAllText(Path.Combine(folder, "preprocessor_config.json"), preprocessor.ToJsonString());
    }

    /// <summary>The benchmark's images as an image folder, taken in turn by the two classes (a single image goes to both).</summary>
    private string WriteTrainingImages(IReadOnlyList<byte[]> images)
    {
        var train = Path.Combine(_root, "train");
        for (var i = 0; i < Math.Max(images.Count, ClassNames.Length); i++)
        {
            var classFolder = Directory.CreateDirectory(Path.Combine(train, ClassNames[i % ClassNames.Length])).FullName;
            File.WriteAllBytes(Path.Combine(classFolder, $"{i:D4}.png"), images[i % images.Count]);
        }
        return train;
    }
}
