namespace Vrf.Services.Models;

/// <summary>How a worker's <see cref="ServedModels"/> behaves; set by the services that register it, not configured.</summary>
public sealed class ServedModelsOptions
{
    /// <summary>Load a promoted version's encoders before switching to it (the embedding service runs them); workers
    /// that only need a version's parameters switch at once.</summary>
    public bool PreloadOnPromotion { get; set; }
}
