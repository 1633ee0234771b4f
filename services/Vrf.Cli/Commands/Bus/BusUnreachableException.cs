namespace Vrf.Cli.Commands.Bus;

/// <summary>The message bus could not be reached: a user error (a wrong address, a broker that is not running).</summary>
internal sealed class BusUnreachableException(string message, Exception? innerException = null) : Exception(message, innerException);
