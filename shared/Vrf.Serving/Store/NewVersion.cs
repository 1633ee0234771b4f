namespace Vrf.Serving.Store;

/// <summary>What a new version is made of, for <see cref="BundleWriter"/>: its encoders and heads, its classes and head
/// recipe, and what its manifest says of where it came from. The writer adds the layout, the version and the status.</summary>
public sealed record NewVersion
{
    /// <summary>The kind of both encoders, as <c>Vrf.Encoders.EncoderKinds</c> names it.</summary>
    public required string EncoderKind { get; init; }

    public required BundlePart ZeroShotEncoder { get; init; }

    public required BundlePart FineTunedEncoder { get; init; }

    public required BundlePart ZeroShotHead { get; init; }

    public required BundlePart FineTunedHead { get; init; }

    /// <summary>The classes, in logit order.</summary>
    public required IReadOnlyList<string> ClassNames { get; init; }

    /// <summary>The builder of the zero-shot head and its recipe (for prompts, the templates).</summary>
    public required string ZeroShotHeadBuilder { get; init; }

    public required IReadOnlyList<string> Templates { get; init; }

    /// <summary>D, the fine-tuned encoder's feature size.</summary>
    public required int EmbeddingDim { get; init; }

    public required ModelSources Sources { get; init; }

    public required DatasetSources Datasets { get; init; }

    public required KSelection KSelection { get; init; }

    public TrainingRecord? Training { get; init; }

    public WeightSpaceEnsemble? WeightSpaceEnsemble { get; init; }
}
