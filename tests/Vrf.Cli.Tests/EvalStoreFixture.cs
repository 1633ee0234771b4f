using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Import;
using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Cli.Tests;

/// <summary>
/// A store with the ready model tiny@1 and tiny@2 still indexing, and three labelled splits to evaluate it on: drawn ID
/// test images, a colour-inverted OOD split and a redrawn one (other positions and backgrounds).
/// </summary>
public sealed class EvalStoreFixture : IAsyncLifetime
{
    public const int PerClass = 4;

    private readonly TemporaryDirectory _splits = new();
    private ReadyModelStore? _store;

    public ReadyModelStore Store => _store ?? throw new InvalidOperationException("The store is not ready.");

    public string Id => _splits.File("id");

    public string Inverted => _splits.File("inverted");

    public string Redrawn => _splits.File("redrawn");

    /// <summary>A folder with images of the first class only.</summary>
    public string OneClass => _splits.File("one-class");

    public async ValueTask InitializeAsync()
    {
        _store = await ReadyModelStore.CreateAsync(TestContext.Current.CancellationToken);
        Store.Serving.GetRequiredService<ModelImporter>().Import(Store.Workspace.Request(ReadyModelStore.ModelName));
        TinyImages.WriteImageFolder(Id, TinyWorkspace.ClassNames, PerClass, seed: 3);
        TinyImages.WriteInvertedImageFolder(Inverted, TinyWorkspace.ClassNames, PerClass, seed: 4);
        TinyImages.WriteImageFolder(Redrawn, TinyWorkspace.ClassNames, PerClass, seed: 5);
        TinyImages.WriteImageFolder(OneClass, [TinyWorkspace.ClassNames[0]], PerClass, seed: 6);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
        _splits.Dispose();
    }
}
