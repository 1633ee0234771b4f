namespace Vrf.Client;

/// <summary>The monitor cannot report on the model or version asked for.</summary>
/// <param name="unknown">The store has no such model or version (else it is not served).</param>
public sealed class ModelDriftRefusedException(string message, bool unknown) : Exception(message)
{
    /// <summary>The store has no such model or version; otherwise the version is not served.</summary>
    public bool Unknown { get; } = unknown;
}
