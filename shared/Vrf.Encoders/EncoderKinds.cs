namespace Vrf.Encoders;

/// <summary>The registry of encoder kinds: the manifest's <c>encoder_kind</c> to its adapter. Adding a kind means one
/// <see cref="IEncoderKind"/> class and its registration (<see cref="EncoderRegistration.AddEncoderKind{TKind}"/>).</summary>
public sealed class EncoderKinds(IEnumerable<IEncoderKind> kinds) : NamedSet<IEncoderKind>(kinds, kind => kind.Name, "encoder kind");
