namespace Vrf.Serving.Failures;

/// <summary>
/// A feature or logit vector that cannot be used: a feature with no direction (all zeros, or holding a NaN or an
/// infinity), or logits that do not have one finite value per class.
/// </summary>
public sealed class InvalidFeatureException(string message) : ModelServingException(message);
