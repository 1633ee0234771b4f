namespace Vrf.Encoders;

/// <summary>An encoder folder that cannot be used for what was asked: a file missing or unreadable, or a capability
/// its kind lacks.</summary>
public sealed class EncoderFolderException(string message, Exception? innerException = null) : Exception(message, innerException);
