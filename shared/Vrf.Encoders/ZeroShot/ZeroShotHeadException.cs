namespace Vrf.Encoders.ZeroShot;

/// <summary>A zero-shot head that cannot be built from what was given: a recipe file that cannot be read, or an encoder
/// without what the builder needs.</summary>
public sealed class ZeroShotHeadException(string message, Exception? innerException = null) : Exception(message, innerException);
