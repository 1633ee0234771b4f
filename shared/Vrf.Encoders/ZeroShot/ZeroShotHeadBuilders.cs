namespace Vrf.Encoders.ZeroShot;

/// <summary>The registry of zero-shot head builders: the manifest's <c>zero_shot_head_builder</c> to its builder.</summary>
public sealed class ZeroShotHeadBuilders(IEnumerable<IZeroShotHeadBuilder> builders)
    : NamedSet<IZeroShotHeadBuilder>(builders, builder => builder.Name, "zero-shot head builder");
