namespace Vrf.Serving;

/// <summary>
/// A request the serving core cannot carry out because of what it was given (an unknown model or version, a vector of
/// the wrong size, an unusable dataset or import), not because of a bug. Services turn it into a failure result for
/// the sender; the CLI prints its message as one line.
/// </summary>
public abstract class ModelServingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
