namespace Vrf.Serving.Store;

/// <summary>A model name or a <c>NAME[@VERSION]</c> reference that does not follow the naming rule.</summary>
public sealed class InvalidModelNameException(string message) : ModelServingException(message);
