using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Store;

/// <summary>
/// An import or an index build whose store fills up or turns read-only ends with an error that names the file it was
/// writing (so the store) and the cause, and leaves no version that could be served half-written: a bundle is
/// assembled in a staging folder that is removed on failure, and the failure set is written beside its name and moved
/// into place. The store is a small tmpfs mounted by the test; without the right to mount the tests are skipped.
/// </summary>
public sealed class When_the_model_store_is_full_or_read_only : IDisposable
{
    private const long BundleSpace = 64L << 20;
    private const long TooSmallForABundle = 8L << 20;
    private const string NoSpace = "No space left on device";
    private const string ReadOnly = "Read-only file system";

    private readonly TinyWorkspace _workspace = new();
    private SmallFileSystem? _disk;
    private ServiceProvider? _services;

    [Fact]
    public void An_import_into_a_full_store_fails_naming_the_file_and_leaves_no_version_and_no_staging_folder()
    {
        var store = Mount(TooSmallForABundle);

        var error = Assert.ThrowsAny<IOException>(() => Importer.Import(_workspace.Request("full")));

        Assert.Contains(NoSpace, error.Message);
        Assert.Contains(store.Root, error.Message);
        Assert.Empty(store.ModelNames());
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.Combine(store.Root, "full")), _ => true);
        Assert.True(_disk!.FreeBytes > TooSmallForABundle * 9 / 10, $"the staging folder's files were removed ({_disk.FreeBytes} bytes free)");
    }

    [Fact]
    public void An_import_into_a_read_only_store_fails_at_once_naming_the_store_and_the_cause()
    {
        var store = Mount(BundleSpace);
        Importer.Import(_workspace.Request("model"));
        _disk!.MakeReadOnly();

        var error = Assert.ThrowsAny<IOException>(() => Importer.Import(_workspace.Request("model")));

        Assert.Contains(ReadOnly, error.Message);
        Assert.Contains(store.Root, error.Message);
        Assert.Equal([1], store.Versions("model").Select(bundle => bundle.Id.Version));
    }

    [Fact]
    public async Task An_index_build_on_a_full_store_fails_with_the_cause_leaves_the_version_unready_and_succeeds_once_there_is_room()
    {
        var store = Mount(BundleSpace);
        var imported = Importer.Import(_workspace.Request("tiny"));
        _disk!.Fill();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(NoSpace, error.Message);
        Assert.Contains(imported.Folder, error.Message);
        Assert.NotEqual(ModelStatus.Ready, store.Get(imported.Id).Status);
        Assert.Throws<ModelNotReadyException>(() => store.Current("tiny"));
        Assert.DoesNotContain(Directory.EnumerateFiles(imported.Folder), file => file.EndsWith(".partial", StringComparison.Ordinal));

        _disk.Free();
        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ModelStatus.Ready, ready.Status);
    }

    [Fact]
    public async Task An_index_build_on_a_read_only_store_fails_with_the_cause_and_leaves_the_version_unready()
    {
        var store = Mount(BundleSpace);
        var imported = Importer.Import(_workspace.Request("tiny"));
        _disk!.MakeReadOnly();

        var error = await Assert.ThrowsAnyAsync<IOException>(() => Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(ReadOnly, error.Message);
        Assert.Contains(imported.Folder, error.Message);
        Assert.Equal(ModelStatus.Indexing, store.Get(imported.Id).Status);
        Assert.Throws<ModelNotReadyException>(() => store.Current("tiny"));

        _disk.MakeWritable();
        var ready = await Builder.BuildAsync(imported.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ModelStatus.Ready, ready.Status);
    }

    private ModelImporter Importer => _services!.GetRequiredService<ModelImporter>();

    private FailureIndexBuilder Builder => _services!.GetRequiredService<FailureIndexBuilder>();

    private ModelStore Mount(long bytes)
    {
        _disk = SmallFileSystem.TryMount(bytes, out var refusal);
        if (_disk is null)
        {
            Assert.Skip(refusal);
        }
        _services = _workspace.Services(new Dictionary<string, string?> { ["ModelStore:Root"] = Path.Combine(_disk.Path, "store") });
        return _services.GetRequiredService<ModelStore>();
    }

    public void Dispose()
    {
        _services?.Dispose();
        _disk?.Dispose();
        _workspace.Dispose();
    }
}
