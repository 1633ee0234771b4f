namespace Vrf.Serving.Datasets;

/// <summary>A classes file or an image folder that cannot be used as given; the message says what to change.</summary>
public sealed class DatasetException(string message) : ModelServingException(message);
