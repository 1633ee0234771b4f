namespace Vrf.Serving.Import;

/// <summary>An import that cannot be done with what was given (a missing model file, a head that does not fit, ...).</summary>
public sealed class ModelImportException(string message, Exception? innerException = null)
    : ModelServingException(message, innerException);
