using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>
/// One version's failure set held in memory for the embedded index, with the flat search over it (which uses the
/// set's feature array in place). Queries on one set run one at a time.
/// </summary>
internal sealed class LoadedFailureSet : IDisposable
{
    private readonly ModelVersionId _model;
    private readonly FlatFailureSearch _search;
    private readonly Lock _gate = new();
    private bool _disposed;

    public LoadedFailureSet(ModelVersionId model, FailureSet failures)
    {
        _model = model;
        _search = new FlatFailureSearch(failures);
        Failures = failures;
    }

    public FailureSet Failures { get; }

    public IReadOnlyList<FailureDistance> Measure(IReadOnlyList<float[]> features, int k, int nearestCount)
    {
        FailureQuery.Validate(_model, features, _search.Dimension, _search.Count, k, nearestCount);
        if (features.Count == 0)
        {
            return [];
        }
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ModelNotFoundException($"The failure set of model {_model} was deleted.");
            }
            return _search.Search(features, k, Math.Min(nearestCount, _search.Count));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _search.Dispose();
        }
    }
}
