namespace Vrf.Method;

/// <summary>The temperature search did not reach the accuracy within its step limit (or lost its bracket to NaN).</summary>
public sealed class CalibrationFailedException(string message) : Exception(message);
