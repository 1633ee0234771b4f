namespace Vrf.Encoders.ZeroShot;

/// <summary>A held-out labelled image file (a validation image) a zero-shot head builder may fit its logit scale on.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Label">Its class, an index into the request's class names.</param>
public sealed record CalibrationImage(string Path, int Label);
