namespace Vrf.Method.Evaluation;

/// <summary>
/// The cached inputs are unusable: unreadable, not JSON, or not the <c>inputs.json</c> schema. The message names the
/// file and the field, split and row at fault, and is meant to be shown to the user as it is.
/// </summary>
public sealed class CachedInputsException(string message, Exception? innerException = null) : Exception(message, innerException);
