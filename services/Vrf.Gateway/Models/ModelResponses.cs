using Vrf.Method;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Models;

/// <summary>The answer of <c>GET /v1/models</c>.</summary>
/// <param name="Models">Every model of the store that has a version, by name.</param>
public sealed record ModelList(IReadOnlyList<ModelSummary> Models);

/// <summary>A model and its versions.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="CurrentVersion">The version classify requests without a version get (the newest ready one); null when none is ready.</param>
/// <param name="Versions">Its versions, oldest first.</param>
public sealed record ModelSummary(string Name, int? CurrentVersion, IReadOnlyList<VersionSummary> Versions);

/// <summary>A version and where it is in its life.</summary>
/// <param name="Version">1, 2, 3… in the order the versions were created.</param>
/// <param name="Status">indexing, ready (served), failed or retired.</param>
public sealed record VersionSummary(int Version, ModelStatus Status);

/// <summary>The answer of <c>GET /v1/models/{name}</c>.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="CurrentVersion">The version classify requests without a version get; null when none is ready.</param>
/// <param name="Versions">Its versions, oldest first, each with its manifest's summary.</param>
public sealed record ModelDetails(string Name, int? CurrentVersion, IReadOnlyList<VersionDetails> Versions);

/// <summary>One version: what its manifest says.</summary>
/// <param name="Version">1, 2, 3… in the order the versions were created.</param>
/// <param name="Status">indexing, ready (served), failed or retired.</param>
/// <param name="FailureReason">Why indexing failed, for a failed version.</param>
/// <param name="CreatedAt">When the version was imported or trained.</param>
/// <param name="IndexedAt">When its failure index was built.</param>
/// <param name="RetiredAt">When it stopped being served.</param>
/// <param name="Classes">The class names, in the model's order.</param>
/// <param name="EmbeddingDimension">The fine-tuned image embedding's size.</param>
/// <param name="Parameters">What the version is served with; null until it is indexed.</param>
/// <param name="Metrics">How it did when it was indexed; null until then.</param>
/// <param name="Warnings">What the index build worked around.</param>
/// <param name="PromotedAt">When an operator last made it the current version; null when nobody did.</param>
/// <param name="EncoderKind">The kind of both encoders, for example clip.</param>
/// <param name="Datasets">The image folders it was indexed from (as the services saw them) and their image counts.</param>
/// <param name="Training">How the fine-tuning service trained it; null for an imported version.</param>
/// <param name="WeightSpaceEnsemble">How it was interpolated from another version; null unless it is a weight-space ensemble.</param>
/// <param name="Evaluation">The last table vrf eval computed for it; null when it was never evaluated.</param>
public sealed record VersionDetails(
    int Version,
    ModelStatus Status,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? IndexedAt,
    DateTimeOffset? RetiredAt,
    IReadOnlyList<string> Classes,
    int EmbeddingDimension,
    ServedParameters? Parameters,
    VersionMetrics? Metrics,
    IReadOnlyList<string> Warnings,
    DateTimeOffset? PromotedAt,
    string EncoderKind,
    DatasetSources Datasets,
    TrainingRecord? Training,
    WeightSpaceEnsemble? WeightSpaceEnsemble,
    EvaluationRecord? Evaluation);

/// <summary>What a version is served with: ω(d) = 1 / (1 + exp((d − a) / b)) and the two models' temperatures.</summary>
/// <param name="A">a: the distance at which ω is one half.</param>
/// <param name="B">b: how gradually ω falls as the distance grows.</param>
/// <param name="K">K: which nearest failure d is measured to.</param>
/// <param name="KRule">How K was chosen: paper, code or explicit.</param>
/// <param name="FailureSetSize">|V|: the number of training images in the zero-shot failure set.</param>
/// <param name="ZeroShotTemperature">T_zs: the zero-shot model's temperature.</param>
/// <param name="FineTunedTemperature">T_ft: the fine-tuned model's temperature.</param>
/// <param name="OseAlpha">The output-space ensemble's α (mode=ose without alpha).</param>
/// <param name="TunedOn">Where a, b, the temperatures and α came from: validation or defaults.</param>
public sealed record ServedParameters(
    double A,
    double B,
    int K,
    KRule KRule,
    int FailureSetSize,
    double ZeroShotTemperature,
    double FineTunedTemperature,
    double OseAlpha,
    ParameterSource TunedOn);

/// <summary>Top-1 accuracies of a version when it was indexed.</summary>
/// <param name="Train">On the training images (the failure set is selected from them).</param>
/// <param name="Validation">On the validation images, with the tuned parameters; null without a validation folder.</param>
/// <param name="FailureShare">|V| / N: the share of the training images in the zero-shot failure set.</param>
/// <param name="SkippedImages">Images that could not be decoded and were left out.</param>
public sealed record VersionMetrics(SplitMetrics Train, SplitMetrics? Validation, double FailureShare, int SkippedImages);
