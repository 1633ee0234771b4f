using System.Text.Json.Serialization;
using Vrf.Clip;
using Vrf.Encoders.ZeroShot;

namespace Vrf.Serving.Store;

/// <summary>
/// A model version's <c>manifest.json</c>: what the bundle holds, where it came from, the VRF parameters it is served
/// with and how well it did. Written at import with <see cref="ModelStatus.Indexing"/>; the index build adds the
/// failure set, parameters and metrics and marks it <see cref="ModelStatus.Ready"/>.
/// </summary>
public sealed record ModelManifest
{
    public const string CurrentSchema = "vrf-model-bundle/1";

    public string Schema { get; init; } = CurrentSchema;

    public required string Name { get; init; }

    public required int Version { get; init; }

    public required ModelStatus Status { get; init; }

    /// <summary>Why indexing failed, when <see cref="Status"/> is <see cref="ModelStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? IndexedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    /// <summary>When an operator last made this ready version the current one (see <see cref="CurrentVersion"/>); null
    /// when nobody did.</summary>
    public DateTimeOffset? PromotedAt { get; init; }

    /// <summary>The classes, in logit order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>D, the fine-tuned image embedding size: the failure index's vector size.</summary>
    public required int EmbeddingDim { get; init; }

    /// <summary>The kind of both encoders (see <c>Vrf.Encoders.EncoderKinds</c>); a manifest written before kinds were
    /// recorded has none, and its encoders are CLIP's.</summary>
    public string EncoderKind { get; init; } = ClipEncoderKind.KindName;

    /// <summary>How the zero-shot head was built (see <c>Vrf.Encoders.ZeroShot.ZeroShotHeadBuilders</c>); from prompts
    /// when the manifest does not say.</summary>
    public string ZeroShotHeadBuilder { get; init; } = PromptHeadBuilder.BuilderName;

    /// <summary>The zero-shot head builder's recipe, one line each: for prompts, the templates the heads were built with
    /// (OpenAI's 80 ImageNet templates by default).</summary>
    public required IReadOnlyList<string> Templates { get; init; }

    public required BundleFiles Files { get; init; }

    public required ModelSources Sources { get; init; }

    public required DatasetSources Datasets { get; init; }

    /// <summary>How K is to be chosen when the failure set is built.</summary>
    public required KSelection KSelection { get; init; }

    /// <summary>The VRF parameters; set when the version is indexed.</summary>
    public VrfParameters? Parameters { get; init; }

    /// <summary>Accuracies and failure-set statistics; set when the version is indexed.</summary>
    public ModelMetrics? Metrics { get; init; }

    /// <summary>How the version was trained, when the fine-tuning service wrote it; null for an imported version.</summary>
    public TrainingRecord? Training { get; init; }

    /// <summary>What the index build worked around (defaults used, calibration that fell back, images skipped).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Set when the version is a weight-space ensemble of another version (<c>vrf models wse</c>).</summary>
    public WeightSpaceEnsemble? WeightSpaceEnsemble { get; init; }

    [JsonIgnore]
    public ModelVersionId Id => new(Name, Version);

    [JsonIgnore]
    public int ClassCount => ClassNames.Count;
}
