namespace Vrf.Serving.WeightSpace;

/// <summary>A weight-space ensemble that cannot be made from what was given: towers of different shapes, no validation
/// images to choose α on, an α outside [0, 1].</summary>
public sealed class WeightSpaceException(string message) : ModelServingException(message);
