namespace Vrf.Serving.Failures;

/// <summary>A feature vector that has no direction: all zeros, or holding a NaN or an infinity.</summary>
public sealed class InvalidFeatureException(string message) : ModelServingException(message);
