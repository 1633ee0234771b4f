using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>
/// Holds the zero-shot failure sets of model versions and answers d, the distance from a query to its K-th nearest
/// failure. Implementations: <see cref="EmbeddedFailureIndex"/> (exact, in-process, persisted in the bundle; the
/// default) and <see cref="QdrantFailureIndex"/> (a Qdrant collection per version). All members are thread-safe.
/// </summary>
public interface IFailureIndex
{
    /// <summary>
    /// Stores the failure set of <paramref name="model"/>. Idempotent: storing the same set again (a redelivered
    /// message) changes nothing.
    /// </summary>
    /// <exception cref="ModelNotFoundException">The embedded index has no bundle folder for the version.</exception>
    Task StoreAsync(ModelVersionId model, FailureSet failures, CancellationToken cancellationToken = default);

    /// <summary>
    /// d for every query: the squared L2 distance from the L2-normalised query to its <paramref name="k"/>-th nearest
    /// failure, and its <paramref name="nearestCount"/> nearest failures (at most |V|), closest first.
    /// </summary>
    /// <param name="features">Fine-tuned image features before the head, un-normalised, one array per query.</param>
    /// <param name="k">1 ≤ K ≤ max(1, |V|); an empty failure set answers +∞.</param>
    /// <exception cref="ModelNotFoundException">No failure set is stored for the version.</exception>
    /// <exception cref="FeatureDimensionMismatchException">A query's size is not the failure set's.</exception>
    /// <exception cref="InvalidFeatureException">A query is the zero vector or holds a NaN or infinity.</exception>
    Task<IReadOnlyList<FailureDistance>> MeasureAsync(
        ModelVersionId model,
        IReadOnlyList<float[]> features,
        int k,
        int nearestCount = 0,
        CancellationToken cancellationToken = default);

    /// <summary>Removes the failure set of a version (a retired one); a version without one is left as it is.</summary>
    Task DeleteAsync(ModelVersionId model, CancellationToken cancellationToken = default);

    /// <summary>Frees what this process holds of a version's failure set (a retired version nobody asks for any more);
    /// the stored set stays, and a later query loads it again.</summary>
    void Release(ModelVersionId model);
}
