using Microsoft.Extensions.DependencyInjection;
using Vrf.Encoders;
using Vrf.Serving.Failures;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Store;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Support;

/// <summary>A workspace whose model "tiny" was imported and indexed once, shared by the tests that only read it.</summary>
public class ReadyModel : IAsyncLifetime
{
    private readonly Func<TinyWorkspace, ModelImportRequest> _import;

    public ReadyModel()
        : this(workspace => workspace.Request("tiny"))
    {
    }

    /// <param name="import">The import of the workspace's model.</param>
    protected ReadyModel(Func<TinyWorkspace, ModelImportRequest> import) => _import = import;

    public TinyWorkspace Workspace { get; } = new();

    public ServiceProvider Services { get; private set; } = null!;

    public ModelBundle Imported { get; private set; } = null!;

    public ModelBundle Ready { get; private set; } = null!;

    public List<IndexingProgress> Progress { get; } = [];

    public ModelStore Store => Services.GetRequiredService<ModelStore>();

    public IFailureIndex Index => Services.GetRequiredService<IFailureIndex>();

    public EncoderKinds Kinds => Services.GetRequiredService<EncoderKinds>();

    public async ValueTask InitializeAsync()
    {
        Services = Workspace.Services();
        Imported = Services.GetRequiredService<ModelImporter>().Import(_import(Workspace));
        Ready = await Services.GetRequiredService<FailureIndexBuilder>().BuildAsync(Imported.Id, new SynchronousProgress<IndexingProgress>(Progress.Add));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Workspace.Dispose();
    }
}
