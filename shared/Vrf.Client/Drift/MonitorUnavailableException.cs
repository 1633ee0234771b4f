namespace Vrf.Client;

/// <summary>The monitor service did not answer in time.</summary>
public sealed class MonitorUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
