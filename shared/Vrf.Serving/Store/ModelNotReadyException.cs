namespace Vrf.Serving.Store;

/// <summary>
/// The version exists but cannot be served: it is still being indexed, its indexing failed, or it was retired; or the
/// model has no ready version at all.
/// </summary>
public sealed class ModelNotReadyException(string message) : ModelServingException(message);
