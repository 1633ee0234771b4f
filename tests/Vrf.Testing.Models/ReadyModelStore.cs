using Microsoft.Extensions.DependencyInjection;
using Vrf.Encoders;
using Vrf.Serving.Failures;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;

namespace Vrf.Testing.Models;

/// <summary>
/// A <see cref="TinyWorkspace"/> whose model <see cref="ModelName"/> was imported and indexed in-process, and the
/// in-process reference (<see cref="ReferenceClassifier"/>) that every service result is compared with.
/// </summary>
public sealed class ReadyModelStore : IAsyncDisposable
{
    public const string ModelName = "tiny";

    private readonly ServedModel _reference;

    private ReadyModelStore(TinyWorkspace workspace, ServiceProvider serving, ModelBundle ready)
    {
        Workspace = workspace;
        Serving = serving;
        Ready = ready;
        _reference = ServedModel.Load(ready, serving.GetRequiredService<EncoderKinds>());
    }

    public TinyWorkspace Workspace { get; }

    /// <summary>The serving core on the workspace's store, as the services register it.</summary>
    public ServiceProvider Serving { get; }

    public ModelBundle Ready { get; }

    public string Root => Workspace.Store;

    public IFailureIndex Index => Serving.GetRequiredService<IFailureIndex>();

    public static Task<ReadyModelStore> CreateAsync(CancellationToken cancellationToken) =>
        CreateAsync(workspace => workspace.Request(ModelName), cancellationToken);

    /// <param name="request">The import of <see cref="ModelName"/> from the workspace.</param>
    public static async Task<ReadyModelStore> CreateAsync(Func<TinyWorkspace, ModelImportRequest> request, CancellationToken cancellationToken)
    {
        var workspace = new TinyWorkspace();
        var serving = workspace.Services();
        try
        {
            var imported = serving.GetRequiredService<ModelImporter>().Import(request(workspace));
            var ready = await serving.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id, cancellationToken: cancellationToken);
            return new ReadyModelStore(workspace, serving, ready);
        }
        catch
        {
            await serving.DisposeAsync();
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>What the reference classifier makes of an image in one process, and d, which the services report in
    /// every mode (the reference only measures it for VRF or when nearest failures are asked for).</summary>
    public async Task<(Classification Classification, double Distance)> ClassifyAsync(byte[] image, ClassificationRequest request,
        CancellationToken cancellationToken)
    {
        var classification = await new ReferenceClassifier(_reference, Index).ClassifyAsync(image, "reference", request, cancellationToken);
        var feature = _reference.Embed([_reference.Preprocess(image, "reference")])[0].FineTunedFeature;
        var measured = await Index.MeasureAsync(Ready.Id, [feature], Ready.Parameters.K, cancellationToken: cancellationToken);
        return (classification, measured[0].Distance);
    }

    public async ValueTask DisposeAsync()
    {
        _reference.Dispose();
        await Serving.DisposeAsync();
        Workspace.Dispose();
    }
}
