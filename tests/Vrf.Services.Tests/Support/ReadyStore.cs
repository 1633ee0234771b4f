using Vrf.Serving.Failures;
using Vrf.Serving.Import;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// A model store whose model <see cref="ModelName"/> was imported and indexed in-process (clip-tiny and a perturbed
/// copy, tiny drawn ImageFolders), and the in-process reference every service result is compared with.
/// </summary>
public class ReadyStore : IAsyncLifetime
{
    public const string ModelName = ReadyModelStore.ModelName;

    private readonly Func<TinyWorkspace, ModelImportRequest> _import;
    private ReadyModelStore? _ready;

    public ReadyStore()
        : this(workspace => workspace.Request(ModelName))
    {
    }

    /// <param name="import">The import of <see cref="ModelName"/> from the workspace.</param>
    protected ReadyStore(Func<TinyWorkspace, ModelImportRequest> import) => _import = import;

    private ReadyModelStore Model => _ready ?? throw new InvalidOperationException("The store is not ready.");

    public TinyWorkspace Workspace => Model.Workspace;

    public Microsoft.Extensions.DependencyInjection.ServiceProvider Serving => Model.Serving;

    public ModelBundle Ready => Model.Ready;

    public string Root => Model.Root;

    public IFailureIndex Index => Model.Index;

    public async ValueTask InitializeAsync() => _ready = await ReadyModelStore.CreateAsync(_import, TestContext.Current.CancellationToken);

    /// <summary>What <see cref="ReferenceClassifier"/> makes of an image in one process, with d measured in every mode.</summary>
    public async Task<ReferenceResult> ClassifyAsync(byte[] image, ClassificationRequest request)
    {
        var (classification, distance) = await Model.ClassifyAsync(image, request, TestContext.Current.CancellationToken);
        return new ReferenceResult(classification, distance);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ready is not null)
        {
            await _ready.DisposeAsync();
            _ready = null;
        }
    }
}
