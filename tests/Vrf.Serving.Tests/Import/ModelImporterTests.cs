using Microsoft.Extensions.DependencyInjection;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Datasets;
using Vrf.Serving.Import;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Import;

public sealed class ModelImporterTests : IDisposable
{
    private readonly TinyWorkspace _workspace = new();
    private readonly ServiceProvider _services;

    public ModelImporterTests() => _services = _workspace.Services();

    private ModelImporter Importer => _services.GetRequiredService<ModelImporter>();

    private ModelStore Store => _services.GetRequiredService<ModelStore>();

    [Fact]
    public void Without_a_head_file_the_fine_tuned_head_is_built_from_the_fine_tuned_text_tower()
    {
        var bundle = Importer.Import(_workspace.Request("no-head", withHead: false));

        using var zeroShot = ZeroShotHead.Load(bundle.ZeroShotHeadPath);
        using var fineTuned = ZeroShotHead.Load(bundle.FineTunedHeadPath);
        Assert.Null(bundle.Manifest.Sources.FineTunedHead);
        Assert.Equal(3, fineTuned.ClassCount);
        Assert.True(zeroShot.Weights.allclose(fineTuned.Weights, rtol: 0, atol: 1e-6),
            "only the image tower was perturbed, so both text towers build the same head");
    }

    [Fact]
    public void A_templates_file_builds_the_heads_and_is_recorded()
    {
        var templates = Path.Combine(_workspace.Root, "templates.txt");
        File.WriteAllLines(templates, ["# mine", "a drawing of a {}.", "a {} thing."]);

        var bundle = Importer.Import(_workspace.Request("templated") with { Templates = templates });

        Assert.Equal(["a drawing of a {}.", "a {} thing."], bundle.Manifest.Templates);
        Assert.Equal(["a drawing of a {}.", "a {} thing."], File.ReadAllLines(bundle.TemplatesPath));
        Assert.Equal(Path.GetFullPath(templates), bundle.Manifest.Sources.Templates);
    }

    [Fact]
    public void A_head_for_another_number_of_classes_is_refused_and_no_version_is_left()
    {
        var head = Path.Combine(_workspace.Root, "two-class-head.safetensors");
        TinyClip.WriteCentroidHead(_workspace.FineTuned, _workspace.Train, ["red", "green"], head);

        var error = Assert.Throws<ModelImportException>(() => Importer.Import(_workspace.Request("mismatch") with { FineTunedHead = head }));

        Assert.Contains("2 classes", error.Message);
        Assert.Empty(Store.ModelNames());
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(Store.Root, "mismatch")));
    }

    [Fact]
    public void A_model_folder_without_its_weights_is_refused_before_anything_is_copied()
    {
        var broken = Path.Combine(_workspace.Root, "broken");
        Directory.CreateDirectory(broken);
        File.Copy(Path.Combine(_workspace.FineTuned, "config.json"), Path.Combine(broken, "config.json"));

        var error = Assert.Throws<ModelImportException>(() => Importer.Import(_workspace.Request("broken") with { FineTunedModel = broken }));

        Assert.Contains("model.safetensors", error.Message);
        Assert.False(Directory.Exists(Path.Combine(Store.Root, "broken")));
    }

    [Fact]
    public void A_dataset_missing_a_class_folder_is_refused()
    {
        var classes = Path.Combine(_workspace.Root, "four-classes.txt");
        File.WriteAllLines(classes, [.. TinyWorkspace.ClassNames, "yellow"]);

        var error = Assert.Throws<DatasetException>(() => Importer.Import(_workspace.Request("four") with { Classes = classes }));

        Assert.Contains("'yellow'", error.Message);
    }

    public void Dispose()
    {
        _services.Dispose();
        _workspace.Dispose();
    }
}
