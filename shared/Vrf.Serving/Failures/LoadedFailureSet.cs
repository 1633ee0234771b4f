using Vrf.Method;
using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>
/// One version's failure set held in memory for the embedded index: the core library's exact index over it, and the
/// labels and sample ids that name its members. Queries on one set run one at a time.
/// </summary>
internal sealed class LoadedFailureSet : IDisposable
{
    private readonly ModelVersionId _model;
    private readonly ExactFailureIndex _index;
    private readonly IReadOnlyList<int> _labels;
    private readonly IReadOnlyList<string> _sampleIds;
    private readonly Lock _gate = new();
    private bool _disposed;

    public LoadedFailureSet(ModelVersionId model, FailureSet failures)
    {
        _model = model;
        _index = new ExactFailureIndex(failures.ToMatrix());
        _labels = failures.Labels;
        _sampleIds = failures.SampleIds;
        Failures = failures;
    }

    public FailureSet Failures { get; }

    public IReadOnlyList<FailureDistance> Measure(IReadOnlyList<float[]> features, int k, int nearestCount)
    {
        FailureQuery.Validate(_model, features, _index.Dimension, _index.Count, k, nearestCount);
        if (features.Count == 0)
        {
            return [];
        }
        var queries = FailureQuery.ToMatrix(features, _index.Dimension);
        var nearest = Math.Min(nearestCount, _index.Count);
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ModelNotFoundException($"The failure set of model {_model} was deleted.");
            }
            var distances = _index.KthDistances(queries, k);
            var neighbours = nearest > 0 ? _index.Nearest(queries, nearest) : null;
            return [.. distances.Select((distance, row) => new FailureDistance(
                distance,
                neighbours is null ? [] : [.. neighbours[row].Select(n => new NearbyFailure(_sampleIds[n.Member], _labels[n.Member], n.Distance))]))];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _index.Dispose();
        }
    }
}
