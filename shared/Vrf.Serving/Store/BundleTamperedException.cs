namespace Vrf.Serving.Store;

/// <summary>
/// A version's files are not the ones its manifest records: one changed, went missing or was added after the version
/// was written. The store is shared, so the bundle is refused rather than served; import or train the version again.
/// </summary>
public sealed class BundleTamperedException(string message) : ModelServingException(message);
