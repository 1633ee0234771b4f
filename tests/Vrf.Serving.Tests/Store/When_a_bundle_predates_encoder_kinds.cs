using System.Text.Json.Nodes;
using Vrf.Clip;
using Vrf.Encoders.ZeroShot;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Store;

/// <summary>A CLIP bundle written before manifests named their encoder kind and zero-shot head builder still loads and
/// serves the same outputs.</summary>
public sealed class When_a_bundle_predates_encoder_kinds(ReadyModel model) : IClassFixture<ReadyModel>, IDisposable
{
    private readonly TemporaryDirectory _older = new();

    [Fact]
    public void Should_read_a_manifest_without_the_fields_as_a_clip_bundle_with_a_head_from_prompts()
    {
        var bundle = OlderCopy();

        Assert.Equal((ClipEncoderKind.KindName, PromptHeadBuilder.BuilderName), (bundle.Manifest.EncoderKind, bundle.Manifest.ZeroShotHeadBuilder));
        Assert.Equal((model.Ready.Id, ModelStatus.Ready, model.Ready.Manifest.Parameters), (bundle.Id, bundle.Status, bundle.Manifest.Parameters));
        Assert.Equal(model.Ready.Manifest.Templates, bundle.Manifest.Templates);
    }

    [Fact]
    public void Should_serve_the_outputs_the_bundle_gave_when_it_was_written()
    {
        var bundle = OlderCopy();
        using var older = ServedModel.Load(bundle, model.Kinds);
        using var current = ServedModel.Load(model.Ready, model.Kinds);
        var image = TinyImages.Draw(2, new Random(31));

        var expected = current.Embed([current.Preprocess(image, "drawn.png")])[0];
        var actual = older.Embed([older.Preprocess(image, "drawn.png")])[0];

        Assert.Equal(expected.ZeroShotLogits, actual.ZeroShotLogits);
        Assert.Equal(expected.FineTunedLogits, actual.FineTunedLogits);
        Assert.Equal(expected.FineTunedFeature, actual.FineTunedFeature);
    }

    [Fact]
    public void Should_name_the_kind_and_the_head_builder_in_every_manifest_it_writes()
    {
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(model.Ready.Folder, ModelStore.ManifestFileName)))!;

        Assert.Equal(ClipEncoderKind.KindName, (string?)written["encoder_kind"]);
        Assert.Equal(PromptHeadBuilder.BuilderName, (string?)written["zero_shot_head_builder"]);
    }

    public void Dispose() => _older.Dispose();

    /// <summary>The ready version copied into a store of its own, its manifest stripped of the fields kinds added.</summary>
    private ModelBundle OlderCopy()
    {
        var store = new ModelStore(_older.File($"store-{Guid.NewGuid():N}"));
        var folder = store.VersionFolder(model.Ready.Id);
        CopyTree(model.Ready.Folder, folder);
        var manifestPath = Path.Combine(folder, ModelStore.ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        Assert.True(manifest.Remove("encoder_kind") && manifest.Remove("zero_shot_head_builder"));
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        return store.Get(model.Ready.Id);
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
