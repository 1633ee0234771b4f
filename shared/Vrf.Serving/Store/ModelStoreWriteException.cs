namespace Vrf.Serving.Store;

/// <summary>The model store's file system refused a write because it is full, over quota or read-only; the message names
/// the store, what was being written and the file system's own words (which name the file).</summary>
public sealed class ModelStoreWriteException(string message, IOException innerException) : IOException(message, innerException);
