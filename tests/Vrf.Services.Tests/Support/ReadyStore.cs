using Microsoft.Extensions.DependencyInjection;
using Vrf.Serving.Failures;
using Vrf.Serving.Import;
using Vrf.Serving.Indexing;
using Vrf.Serving.Inference;
using Vrf.Serving.Scoring;
using Vrf.Serving.Store;
using Vrf.Testing.Models;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// A model store whose model <see cref="ModelName"/> was imported and indexed in-process (clip-tiny and a perturbed
/// copy, tiny drawn ImageFolders), and the in-process reference every service result is compared with.
/// </summary>
public sealed class ReadyStore : IAsyncLifetime
{
    public const string ModelName = "tiny";

    private ServedModel? _reference;

    public TinyWorkspace Workspace { get; } = new();

    public ServiceProvider Serving { get; private set; } = null!;

    public ModelBundle Ready { get; private set; } = null!;

    public string Root => Workspace.Store;

    public IFailureIndex Index => Serving.GetRequiredService<IFailureIndex>();

    public async ValueTask InitializeAsync()
    {
        Serving = Workspace.Services();
        var imported = Serving.GetRequiredService<ModelImporter>().Import(Workspace.Request(ModelName));
        Ready = await Serving.GetRequiredService<FailureIndexBuilder>().BuildAsync(imported.Id);
        _reference = ServedModel.Load(Ready);
    }

    /// <summary>What <see cref="ReferenceClassifier"/> makes of an image in one process, with d measured in every mode.</summary>
    public async Task<ReferenceResult> ClassifyAsync(byte[] image, ClassificationRequest request)
    {
        var model = _reference ?? throw new InvalidOperationException("The store is not ready.");
        var classification = await new ReferenceClassifier(model, Index)
            .ClassifyAsync(image, "reference", request, TestContext.Current.CancellationToken);
        var feature = model.Embed([model.Preprocess(image, "reference")])[0].FineTunedFeature;
        var measured = await Index.MeasureAsync(Ready.Id, [feature], Ready.Parameters.K, cancellationToken: TestContext.Current.CancellationToken);
        return new ReferenceResult(classification, measured[0].Distance);
    }

    public async ValueTask DisposeAsync()
    {
        _reference?.Dispose();
        await Serving.DisposeAsync();
        Workspace.Dispose();
    }
}
