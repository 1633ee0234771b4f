namespace Vrf.Serving.Store;

/// <summary>The model store has no such model or version, or the failure index holds no failure set for it.</summary>
public sealed class ModelNotFoundException(string message) : ModelServingException(message);
