using Vrf.Method;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Store;

public sealed class ModelStoreTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly ModelStore _store;

    public ModelStoreTests() => _store = new ModelStore(_folder.File("store"));

    [Fact]
    public void Versions_are_numbered_from_one_in_creation_order()
    {
        var first = Create("pets");
        var second = Create("pets");
        var other = Create("cars");

        Assert.Equal([1, 2, 1], [first.Id.Version, second.Id.Version, other.Id.Version]);
        Assert.Equal(["cars", "pets"], _store.ModelNames());
        Assert.Equal(["cars@1", "pets@1", "pets@2"], _store.List().Select(bundle => bundle.Id.ToString()));
    }

    [Fact]
    public async Task Imports_running_at_once_get_different_versions()
    {
        using var start = new Barrier(8);
        var versions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return Create("busy").Id.Version;
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(Enumerable.Range(1, 8), versions.Order());
    }

    [Fact]
    public void A_version_that_fails_to_assemble_leaves_nothing_behind()
    {
        Assert.Throws<IOException>(() => _store.CreateVersion("pets", (_, staging) =>
        {
            File.WriteAllText(Path.Combine(staging, "half.bin"), "x");
            throw new IOException("disk full");
        }));

        Assert.Empty(_store.ModelNames());
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(_store.Root, "pets")));
        Assert.Equal(1, Create("pets").Id.Version);
    }

    [Fact]
    public void The_current_version_is_the_newest_ready_one()
    {
        var first = Create("pets");
        var second = Create("pets");
        Assert.Throws<ModelNotReadyException>(() => _store.Current("pets"));

        MarkReady(first.Id);
        Assert.Equal(1, _store.Current("pets").Id.Version);

        MarkReady(second.Id);
        Create("pets");
        Assert.Equal(2, _store.Current("pets").Id.Version);

        _store.Retire(second.Id);
        Assert.Equal(1, _store.Current("pets").Id.Version);
    }

    [Fact]
    public void Serving_resolves_only_ready_versions()
    {
        var indexing = Create("pets");
        var ready = MarkReady(Create("pets").Id);

        Assert.Equal(ready.Id, _store.Resolve(ModelReference.Parse("pets")).Id);
        Assert.Equal(ready.Id, _store.Resolve(ModelReference.Parse("pets@2")).Id);
        var error = Assert.Throws<ModelNotReadyException>(() => _store.Resolve(ModelReference.Parse("pets@1")));
        Assert.Contains("indexing", error.Message);
        Assert.Equal(indexing.Id, _store.Find(ModelReference.Parse("pets@1")).Id);
    }

    [Fact]
    public void Unknown_models_and_versions_are_named_in_the_error()
    {
        Create("pets");

        Assert.Contains("'cars'", Assert.Throws<ModelNotFoundException>(() => _store.Get(new ModelVersionId("cars", 1))).Message);
        Assert.Contains("no version 4", Assert.Throws<ModelNotFoundException>(() => _store.Get(new ModelVersionId("pets", 4))).Message);
        Assert.Throws<ModelNotFoundException>(() => _store.Current("cars"));
        Assert.Throws<ModelNotFoundException>(() => _store.Resolve(ModelReference.Parse("pets@9")));
    }

    [Theory]
    [InlineData("Pets")]
    [InlineData("../pets")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("pets/1")]
    public void Names_that_are_not_safe_folder_names_are_refused(string name)
    {
        Assert.Throws<InvalidModelNameException>(() => _store.CreateVersion(name, (id, _) => Manifest(id)));
        Assert.Throws<InvalidModelNameException>(() => ModelReference.Parse(name));
    }

    [Theory]
    [InlineData("pets", "pets", null)]
    [InlineData("pets@12", "pets", 12)]
    [InlineData("v1.0-b_2@3", "v1.0-b_2", 3)]
    public void References_read_a_name_and_an_optional_version(string text, string name, int? version)
    {
        Assert.Equal(new ModelReference(name, version), ModelReference.Parse(text));
    }

    [Theory]
    [InlineData("pets@")]
    [InlineData("pets@0")]
    [InlineData("pets@x")]
    [InlineData("pets@-1")]
    public void References_with_a_bad_version_are_refused(string text)
    {
        Assert.Throws<InvalidModelNameException>(() => ModelReference.Parse(text));
    }

    [Fact]
    public void A_ready_version_can_be_retired_but_not_changed()
    {
        var ready = MarkReady(Create("pets").Id);

        Assert.Throws<InvalidOperationException>(() => _store.Update(ready.Id, manifest => manifest with { ClassNames = ["x", "y"] }));
        Assert.Throws<InvalidOperationException>(() => _store.Update(ready.Id, manifest => manifest with { Status = ModelStatus.Failed }));
        var retired = _store.Retire(ready.Id);

        Assert.Equal(ModelStatus.Retired, retired.Status);
        Assert.NotNull(retired.Manifest.RetiredAt);
        Assert.Equal(ModelStatus.Retired, _store.Get(ready.Id).Status);
        Assert.Throws<InvalidOperationException>(() => _store.Update(ready.Id, manifest => manifest with { Status = ModelStatus.Ready }));
    }

    [Fact]
    public void The_manifest_is_snake_case_json_that_reads_back_equal()
    {
        var ready = MarkReady(Create("pets").Id);

        var json = File.ReadAllText(Path.Combine(ready.Folder, ModelStore.ManifestFileName));
        var read = _store.Get(ready.Id).Manifest;

        Assert.Contains("\"schema\": \"vrf-model-bundle/1\"", json);
        Assert.Contains("\"status\": \"ready\"", json);
        Assert.Contains("\"k_rule\": \"paper\"", json);
        Assert.Contains("\"zsf_size\": 3", json);
        Assert.Contains("\"t_zs\": 1.25", json);
        Assert.Contains("\"t_ft\": 0.75", json);
        Assert.Equal(ManifestJson.Serialize(ready.Manifest), ManifestJson.Serialize(read));
    }

    [Fact]
    public void A_manifest_of_another_schema_is_refused_with_its_path()
    {
        var bundle = Create("pets");
        var path = Path.Combine(bundle.Folder, ModelStore.ManifestFileName);
        File.WriteAllText(path, File.ReadAllText(path).Replace(ModelManifest.CurrentSchema, "vrf-model-bundle/9", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => _store.Get(bundle.Id));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void The_store_folder_comes_from_configuration_then_the_environment_variable_then_the_home_folder()
    {
        Assert.Equal("/data/models", new ModelStoreOptions { Root = "/data/models" }.ResolveRoot());
        Assert.EndsWith(Path.Combine(".vrf", "models"), ModelStoreOptions.DefaultRoot);
    }

    private ModelBundle Create(string name) => _store.CreateVersion(name, (id, _) => Manifest(id));

    private ModelBundle MarkReady(ModelVersionId id) => _store.Update(id, manifest => manifest with
    {
        Status = ModelStatus.Ready,
        IndexedAt = DateTimeOffset.UtcNow,
        Parameters = new VrfParameters(1.2, 0.4, 1, KRule.Paper, 3, 1.25, 0.75, 0.5, ParameterSource.Validation),
    });

    private static ModelManifest Manifest(ModelVersionId id) => new()
    {
        Name = id.Name,
        Version = id.Version,
        Status = ModelStatus.Indexing,
        CreatedAt = DateTimeOffset.UtcNow,
        ClassNames = ["cat", "dog"],
        EmbeddingDim = 4,
        Templates = ["a photo of a {}."],
        Files = BundleFiles.Standard,
        Sources = new ModelSources("/zs", "/ft", null, "/classes.txt", null),
        Datasets = new DatasetSources(new DatasetSource("/train", 10), null),
        KSelection = KSelection.Paper,
    };

    public void Dispose() => _folder.Dispose();
}
