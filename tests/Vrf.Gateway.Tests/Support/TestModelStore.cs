using Vrf.Method;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// A real model store in a temporary folder, its versions written through <see cref="ModelStore"/> with hand-made
/// manifests (the gateway reads manifests only, so the bundles hold no model files):
/// <list type="bullet">
/// <item><c>tiny</c>: version 1 retired, 2 ready (the current one), 3 still indexing;</item>
/// <item><c>pending</c>: version 1 indexing, so no current version;</item>
/// <item><c>broken</c>: version 1 whose indexing failed.</item>
/// </list>
/// </summary>
public sealed class TestModelStore : IDisposable
{
    public static readonly IReadOnlyList<string> ClassNames = ["red", "green", "blue"];
    public static readonly DateTimeOffset CreatedAt = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset IndexedAt = new(2026, 3, 1, 12, 5, 0, TimeSpan.Zero);
    public const string FailureReason = "The training folder 'train' holds no images.";

    public static readonly VrfParameters Parameters = new(1.25, 0.5, 2, KRule.Explicit, 9, 1.1, 0.8, 0.4, ParameterSource.Validation);

    public static readonly ModelMetrics Metrics = new(
        new SplitMetrics(30, 1, 0.6, 0.9, null, null),
        new SplitMetrics(12, 0, 0.5, 0.75, 0.8, 0.7),
        0.3,
        [new SkippedImage("train", "train/red/007.png", "not an image")]);

    private readonly TemporaryDirectory _folder = new();

    public TestModelStore(bool empty = false)
    {
        Store = new ModelStore(Root);
        if (empty)
        {
            return;
        }
        Store.Retire(Create("tiny", ModelStatus.Ready).Id);
        Create("tiny", ModelStatus.Ready);
        Create("tiny", ModelStatus.Indexing);
        Create("pending", ModelStatus.Indexing);
        Create("broken", ModelStatus.Failed);
    }

    public string Root => _folder.File("store");

    public ModelStore Store { get; }

    /// <summary>Adds a version of <paramref name="name"/> with a hand-made manifest: trained from <c>/data/train</c> (a
    /// folder this machine does not have) unless <paramref name="trainFolder"/> says otherwise.</summary>
    public ModelBundle Create(string name, ModelStatus status, string trainFolder = "/data/train", TrainingRecord? training = null) =>
        Store.CreateVersion(name, (id, _) => new ModelManifest
        {
            Name = id.Name,
            Version = id.Version,
            Status = status,
            FailureReason = status == ModelStatus.Failed ? FailureReason : null,
            CreatedAt = CreatedAt,
            IndexedAt = status == ModelStatus.Ready ? IndexedAt : null,
            ClassNames = ClassNames,
            EmbeddingDim = 64,
            Templates = ["a photo of a {}."],
            Files = BundleFiles.Standard,
            Sources = new ModelSources("/models/zero-shot", "/models/fine-tuned", null, "/data/classes.txt", null),
            Datasets = new DatasetSources(new DatasetSource(trainFolder, 30), new DatasetSource("/data/val", 12)),
            KSelection = KSelection.Of(KRule.Explicit, 2),
            Parameters = status == ModelStatus.Ready ? Parameters : null,
            Metrics = status == ModelStatus.Ready ? Metrics : null,
            Warnings = status == ModelStatus.Ready ? ["1 training image could not be decoded and was skipped."] : [],
            Training = training,
        });

    public void Dispose() => _folder.Dispose();
}
