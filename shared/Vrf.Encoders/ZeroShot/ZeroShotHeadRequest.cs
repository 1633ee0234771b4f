namespace Vrf.Encoders.ZeroShot;

/// <summary>What a <see cref="IZeroShotHeadBuilder"/> builds a head with.</summary>
/// <param name="Encoder">The encoder whose features the head will classify.</param>
/// <param name="Preprocessor">The version's preprocessing, for a builder that encodes images it makes.</param>
/// <param name="ClassNames">The classes, in logit order.</param>
/// <param name="Recipe">The builder's recipe (see <see cref="IZeroShotHeadBuilder.Recipe"/>).</param>
/// <param name="Warning">Told of what the builder worked around, in a sentence.</param>
/// <param name="ValidationImages">The version's validation images (never training images), for a builder whose head has
/// no scale of its own and fits it on them; empty when the version has none.</param>
public sealed record ZeroShotHeadRequest(
    IImageEncoder Encoder,
    IImagePreprocessor Preprocessor,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<string> Recipe,
    Action<string>? Warning = null,
    IReadOnlyList<CalibrationImage>? ValidationImages = null);
