using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Hosting;
using Vrf.Serving.Import;
using Vrf.Testing;
using Vrf.Testing.Models.ConvNet;

namespace Vrf.Testing.Models;

/// <summary>
/// Everything an import needs, made in a temporary folder: a classes file, training and validation ImageFolders of
/// drawn images, the clip-tiny zero-shot model, a perturbed "fine-tuned" copy with a centroid head, the same pair of
/// the second encoder kind (<see cref="TinyConvNetKind"/>), and an empty store.
/// </summary>
public sealed class TinyWorkspace : IDisposable
{
    public static readonly IReadOnlyList<string> ClassNames = ["red", "green", "blue"];
    public const int TrainPerClass = 6;
    public const int ValidationPerClass = 4;

    private readonly TemporaryDirectory _folder = new();

    public TinyWorkspace()
    {
        File.WriteAllLines(Classes, ClassNames);
        TinyImages.WriteImageFolder(Train, ClassNames, TrainPerClass, seed: 1);
        TinyImages.WriteImageFolder(Validation, ClassNames, ValidationPerClass, seed: 2);
        TinyClip.WritePerturbedCopy(FineTuned, seed: 7);
        TinyClip.WriteCentroidHead(FineTuned, Train, ClassNames, FineTunedHead);
        TinyConvNetFolder.Write(ConvNetZeroShot, seed: 5);
        TinyConvNetFolder.Write(ConvNetFineTuned, seed: 5, perturbation: 6);
    }

    public string Root => _folder.Path;

    public string Classes => _folder.File("classes.txt");

    public string Train => _folder.File("train");

    public string Validation => _folder.File("val");

    public string ZeroShot => TinyClip.ZeroShotFolder;

    public string FineTuned => _folder.File("fine-tuned");

    public string FineTunedHead => _folder.File("fine-tuned-head.safetensors");

    public string Store => _folder.File("store");

    public string ConvNetZeroShot => _folder.File("convnet-zero-shot");

    public string ConvNetFineTuned => _folder.File("convnet-fine-tuned");

    /// <summary>An import of the workspace's models and data, with the centroid head and the validation folder.</summary>
    public ModelImportRequest Request(string name, bool withValidation = true, bool withHead = true) =>
        new(name, ZeroShot, FineTuned, Classes, Train, withValidation ? Validation : null, FineTunedHead: withHead ? FineTunedHead : null);

    /// <summary>An import of the workspace's <see cref="TinyConvNetKind"/> pair and data, both heads built from drawn
    /// exemplars, with the validation folder.</summary>
    public ModelImportRequest ConvNetRequest(string name) =>
        new(name, ConvNetZeroShot, ConvNetFineTuned, Classes, Train, Validation, EncoderKind: TinyConvNetKind.KindName,
            ZeroShotHeadBuilder: DrawnExemplarHead.BuilderName);

    /// <summary>The serving core as a service registers it, on this workspace's store (plus any extra settings), with
    /// the second encoder kind registered beside CLIP.</summary>
    public ServiceProvider Services(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ModelStore:Root"] = Store,
                ["Inference:BatchSize"] = "4",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddModelServing(configuration)
            .AddTinyConvNet()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public void Dispose() => _folder.Dispose();
}
