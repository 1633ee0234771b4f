using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Vrf.Serving.Failures;
using Vrf.Serving.Inference;
using Vrf.Serving.Store;
using Vrf.Serving.Tests.Support;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Store;

/// <summary>
/// The manifest records the SHA-256 of every file of a bundle, the failure set's once it is built; what loads a part
/// checks its files first, so a version whose weights or failure set changed by one byte, or that gained a file, is
/// refused with a clear error. A bundle written before digests were recorded still loads (unchecked).
/// </summary>
public sealed class When_a_bundle_is_changed_after_it_was_written(ReadyModel model) : IClassFixture<ReadyModel>, IDisposable
{
    private readonly TemporaryDirectory _copies = new();

    [Fact]
    public void Should_record_the_digest_of_every_file_of_a_ready_version()
    {
        var recorded = model.Ready.Manifest.FileSha256;

        Assert.NotNull(recorded);
        Assert.Equal(BundleFileHashes.Of(model.Ready.Folder), recorded);
        Assert.Contains(BundleFiles.FailureSetFileName, recorded.Keys);
        Assert.Contains(recorded.Keys, name => name.StartsWith($"{model.Ready.Manifest.Files.FineTunedModel}/", StringComparison.Ordinal));
        Assert.All(recorded.Values, digest => Assert.Matches("^[0-9a-f]{64}$", digest));
    }

    [Fact]
    public void Should_refuse_to_load_a_version_whose_fine_tuned_weights_changed_by_one_byte()
    {
        var bundle = Copy();
        var weights = Largest(bundle.FineTunedModelFolder);
        FlipByte(weights);

        var error = Assert.Throws<BundleTamperedException>(() => ServedModel.Load(bundle, model.Kinds));

        var name = Path.GetRelativePath(bundle.Folder, weights).Replace(Path.DirectorySeparatorChar, '/');
        Assert.Equal($"Model {bundle.Id} is refused: its bundle has a file '{name}' whose SHA-256 is not the one its manifest records, " +
                     "so it changed after it was written. Import or train the version again.", error.Message);
    }

    [Fact]
    public async Task Should_refuse_a_failure_set_that_changed()
    {
        var bundle = Copy();
        FlipByte(bundle.FailureSetPath);
        using var index = new EmbeddedFailureIndex(new ModelStore(StoreRoot(bundle)), NullLogger<EmbeddedFailureIndex>.Instance);

        var error = await Assert.ThrowsAsync<BundleTamperedException>(() =>
            index.MeasureAsync(bundle.Id, [new float[bundle.Manifest.EmbeddingDim]], 1, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains($"'{BundleFiles.FailureSetFileName}'", error.Message);
    }

    [Fact]
    public void Should_refuse_a_file_added_to_an_encoder_folder()
    {
        var bundle = Copy();
        File.WriteAllText(Path.Combine(bundle.ZeroShotModelFolder, "extra.json"), "{}");

        var error = Assert.Throws<BundleTamperedException>(() => ServedModel.Load(bundle, model.Kinds));

        Assert.Contains($"holds the file '{bundle.Manifest.Files.ZeroShotModel}/extra.json', which its manifest does not record", error.Message);
    }

    [Fact]
    public void Should_load_a_bundle_written_before_digests_were_recorded_unchecked()
    {
        var bundle = Copy(removeDigests: true);
        FlipByte(Path.Combine(bundle.Folder, bundle.Manifest.Files.Templates));

        Assert.Null(bundle.Manifest.FileSha256);
        using var served = ServedModel.Load(bundle, model.Kinds);
        Assert.Single(served.Embed([served.Preprocess(TinyImages.Draw(0, new Random(3)), "drawn.png")]));
    }

    public void Dispose() => _copies.Dispose();

    /// <summary>The ready version copied into a store of its own (its manifest without digests, if asked).</summary>
    private ModelBundle Copy(bool removeDigests = false)
    {
        var store = new ModelStore(_copies.File($"store-{Guid.NewGuid():N}"));
        var folder = store.VersionFolder(model.Ready.Id);
        CopyTree(model.Ready.Folder, folder);
        if (removeDigests)
        {
            var manifestPath = Path.Combine(folder, ModelStore.ManifestFileName);
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
            Assert.True(manifest.Remove("file_sha256"));
            File.WriteAllText(manifestPath, manifest.ToJsonString());
        }
        return store.Get(model.Ready.Id);
    }

    private static string StoreRoot(ModelBundle bundle) => Path.GetDirectoryName(Path.GetDirectoryName(bundle.Folder))!;

    private static string Largest(string folder) =>
        Directory.EnumerateFiles(folder).OrderByDescending(file => new FileInfo(file).Length).First();

    /// <summary>Changes one byte in the middle of a file.</summary>
    private static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
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
